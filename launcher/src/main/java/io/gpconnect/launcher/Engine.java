package io.gpconnect.launcher;

import io.gpconnect.commands.CommandGateway;
import io.gpconnect.fhir.server.FhirFacade;
import io.gpconnect.fhir.server.ServiceRoot;
import io.gpconnect.kafka.embedded.EmbeddedKafka;
import io.gpconnect.launcher.seed.DemoPractice;
import io.gpconnect.launcher.seed.PracticeData;
import io.gpconnect.launcher.seed.PracticeFeedPublisher;
import io.gpconnect.launcher.seed.PracticeFeedRecords;
import io.gpconnect.registry.embedded.EmbeddedSchemaRegistry;
import io.gpconnect.slots.SlotProjection;
import io.gpconnect.store.AppointmentStore;
import io.gpconnect.topics.EngineSettings;
import io.gpconnect.topics.TopicProvisioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The whole flow in one process: broker → registry → slot projection (decisions) → appointment store
 * (views) → FHIR facade. Embedded Kafka and registry are used unless external ones are named.
 */
public final class Engine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    /**
     * How the engine is started. Null bootstrap/registry means "run the embedded one"; a null replication
     * factor means 1 for the embedded broker and 3 for an external cluster.
     */
    public record Options(Path dataDir, String bootstrapServers, String registryUrl, String host, int port, int partitions,
                          long commitIntervalMs, boolean seedDemo, Duration decisionTimeout, Clock clock,
                          Short replication, boolean runProjection) {
        public static Options defaults(Path dataDir) {
            return new Options(dataDir, null, null, "127.0.0.1", 8080, 6, 20, true, Duration.ofSeconds(10),
                    Clock.systemDefaultZone(), null, true);
        }

        public Options withPort(int p) {
            return new Options(dataDir, bootstrapServers, registryUrl, host, p, partitions, commitIntervalMs, seedDemo,
                    decisionTimeout, clock, replication, runProjection);
        }

        public Options withHost(String h) {
            return new Options(dataDir, bootstrapServers, registryUrl, h, port, partitions, commitIntervalMs, seedDemo,
                    decisionTimeout, clock, replication, runProjection);
        }

        public Options withExternal(String bootstrap, String registry) {
            return new Options(dataDir, bootstrap, registry, host, port, partitions, commitIntervalMs, seedDemo,
                    decisionTimeout, clock, replication, runProjection);
        }

        public Options withReplication(Short r) {
            return new Options(dataDir, bootstrapServers, registryUrl, host, port, partitions, commitIntervalMs, seedDemo,
                    decisionTimeout, clock, r, runProjection);
        }

        public Options withDecisionTimeout(Duration t) {
            return new Options(dataDir, bootstrapServers, registryUrl, host, port, partitions, commitIntervalMs, seedDemo,
                    t, clock, replication, runProjection);
        }

        /** Without the slot projection: it runs elsewhere (another process, `./gpconnect process`). */
        public Options withoutProjection() {
            return new Options(dataDir, bootstrapServers, registryUrl, host, port, partitions, commitIntervalMs, seedDemo,
                    decisionTimeout, clock, replication, false);
        }

        short replicationFactor() {
            return replication != null ? replication : (short) (bootstrapServers == null ? 1 : 3);
        }
    }

    private final List<AutoCloseable> running = new ArrayList<>();
    private final EngineSettings settings;
    private final FhirFacade facade;
    private final AppointmentStore store;
    private final PracticeData demo;
    private final Options options;

    /**
     * What the engine decides and serves beyond the defaults: practices seeded and served besides the demo one
     * (synthetic national-scale data for ./gpconnect bench) and the projection's processing guarantee.
     */
    public record Workload(String processingGuarantee, List<PracticeData> morePractices) {
        public static final Workload DEMO_ONLY = new Workload("exactly_once_v2", List.of());
    }

    private Engine(Options o, Workload w) {
        this.options = o;
        String bootstrap = o.bootstrapServers();
        if (bootstrap == null) {
            EmbeddedKafka kafka = EmbeddedKafka.start(o.dataDir().resolve("kafka"), 0);
            running.add(kafka);
            bootstrap = kafka.bootstrapServers();
        }
        String registryUrl = o.registryUrl();
        if (registryUrl == null) {
            EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(bootstrap, 0);
            running.add(0, registry);
            registryUrl = registry.url();
        }
        short replication = o.replicationFactor();
        this.settings = new EngineSettings(bootstrap, registryUrl, o.dataDir(), replication, o.partitions(), o.commitIntervalMs(), null);
        TopicProvisioner.ensureTopics(bootstrap, o.partitions(), replication);

        if (o.runProjection()) {
            running.add(0, new SlotProjection(settings, w.processingGuarantee()).start());
        }
        CommandGateway gateway = new CommandGateway(settings, o.decisionTimeout());
        running.add(0, gateway);
        this.store = new AppointmentStore(settings, gateway::decided).start();
        running.add(0, store);

        this.demo = DemoPractice.load();
        if (o.seedDemo()) {
            seed(List.of(demo), o.clock());
        }
        seed(w.morePractices(), o.clock());
        store.awaitRunning(Duration.ofSeconds(120));
        awaitSeeded(demo);
        this.facade = FhirFacade.start(new FhirFacade.Settings(o.host(), o.port(), served(demo, w), demo.providerAsid(), version()),
                gateway, store.queries(), o.clock());
        running.add(0, facade);
    }

    public static Engine start(Options options) {
        return new Engine(options, Workload.DEMO_ONLY);
    }

    public static Engine start(Options options, Workload workload) {
        return new Engine(options, workload);
    }

    private static Set<String> served(PracticeData demo, Workload w) {
        Set<String> ods = new java.util.HashSet<>(Set.of(demo.servedOds()));
        w.morePractices().forEach(p -> ods.add(p.servedOds()));
        return ods;
    }

    /** One producer for all: a thousand synthetic practices would otherwise each pay a producer's start-up. */
    private void seed(List<PracticeData> practices, Clock clock) {
        var now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/London")));
        try (PracticeFeedPublisher publisher = new PracticeFeedPublisher(settings)) {
            for (PracticeData practice : practices) {
                String ods = practice.servedOds();
                publisher.publish(ods, PracticeFeedRecords.directory(practice, now));
                publisher.publish(ods, PracticeFeedRecords.schedules(practice, today, DemoPractice.ROLLING_DAYS, now));
                publisher.publish(ods, PracticeFeedRecords.slots(practice, today, DemoPractice.ROLLING_DAYS, now));
            }
        }
    }

    /** The views answer only once the seeded directory and slots have flowed through the topics. */
    private void awaitSeeded(PracticeData practice) {
        String ods = practice.servedOds();
        String lastSchedule = practice.schedules().get(practice.schedules().size() - 1).id();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            var key = io.gpconnect.store.directory.DirectoryView.byId(ods, "Schedule", lastSchedule);
            if (store.queries().directory(key, ods).isPresent()) {
                return;
            }
            sleep(50);
        }
        log.warn("The demo practice's data has not reached the views yet");
    }

    public String serviceRoot() {
        return "http://" + options.host() + ":" + facade.port() + ServiceRoot.path(demo.servedOds());
    }

    public int port() {
        return facade.port();
    }

    public EngineSettings settings() {
        return settings;
    }

    public AppointmentStore store() {
        return store;
    }

    public PracticeData demoPractice() {
        return demo;
    }

    static String version() {
        String v = Engine.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : running) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("Error while stopping {}: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
        running.clear();
    }
}
