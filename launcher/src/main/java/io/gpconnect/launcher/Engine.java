package io.gpconnect.launcher;

import io.gpconnect.commands.CommandGateway;
import io.gpconnect.fhir.body.BodySizeLimit;
import io.gpconnect.fhir.server.FhirFacade;
import io.gpconnect.fhir.tls.TlsSettings;
import io.gpconnect.fhir.server.ServiceRoot;
import io.gpconnect.kafka.embedded.LocalBroker;
import io.gpconnect.launcher.seed.DemoPractice;
import io.gpconnect.launcher.seed.PracticeData;
import io.gpconnect.launcher.seed.PracticeFeedPublisher;
import io.gpconnect.launcher.seed.PracticeFeedRecords;
import io.gpconnect.registry.embedded.EmbeddedSchemaRegistry;
import io.gpconnect.slots.SlotProjection;
import io.gpconnect.launcher.operations.ConsumerLag;
import io.gpconnect.launcher.operations.EngineAddress;
import io.gpconnect.launcher.ops.EngineMetrics;
import io.gpconnect.launcher.ops.OpsServlet;
import io.gpconnect.store.AppointmentStore;
import io.gpconnect.store.PracticeOwnership;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import io.gpconnect.store.ViewReset;
import io.gpconnect.topics.EngineSettings;
import io.gpconnect.topics.TopicProvisioner;
import io.gpconnect.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
                          Short replication, boolean runProjection, boolean rebuildViews, long maxBodyBytes,
                          TlsSettings tls, Set<String> servedOds, LocalBroker.Placement brokerPlacement) {
        /** The broker, when embedded, runs in-process: quickest to start, and what the tests use unless told. */
        public static Options defaults(Path dataDir) {
            return new Options(dataDir, null, null, "127.0.0.1", 8080, 6, 20, true, Duration.ofSeconds(10),
                    Clock.systemDefaultZone(), null, true, false, BodySizeLimit.DEFAULT_MAX_BYTES, null, null,
                    LocalBroker.Placement.IN_PROCESS);
        }

        /** Where the embedded broker runs; ignored when an external cluster is named. */
        public Options withBrokerPlacement(LocalBroker.Placement placement) {
            return change(b -> b.brokerPlacement = placement);
        }

        /** The largest request body the facade accepts; larger ones get 413. */
        public Options withMaxBodyBytes(long bytes) {
            return change(b -> b.maxBodyBytes = bytes);
        }

        /** HTTPS (optionally with client certificates) instead of plain HTTP. */
        public Options withTls(TlsSettings t) {
            return change(b -> b.tls = t);
        }

        public Options withPort(int p) {
            return change(b -> b.port = p);
        }

        public Options withHost(String h) {
            return change(b -> b.host = h);
        }

        public Options withExternal(String bootstrap, String registry) {
            return change(b -> {
                b.bootstrapServers = bootstrap;
                b.registryUrl = registry;
            });
        }

        public Options withReplication(Short r) {
            return change(b -> b.replication = r);
        }

        public Options withDecisionTimeout(Duration t) {
            return change(b -> b.decisionTimeout = t);
        }

        public Options withCommitIntervalMs(long ms) {
            return change(b -> b.commitIntervalMs = ms);
        }

        /**
         * The practices given a service root here; null (the default) serves the demo practice. The demo practice
         * is seeded only when it is among them: a deployment for other practices gets their data from their feed.
         */
        public Options withServedOds(Set<String> ods) {
            return change(b -> b.servedOds = ods == null ? null : Set.copyOf(ods));
        }

        /** Without the slot projection: it runs elsewhere (another process, `./gpconnect process`). */
        public Options withoutProjection() {
            return change(b -> b.runProjection = false);
        }

        /** Drop the views before starting, so they are rebuilt from the topics. */
        public Options withRebuiltViews() {
            return change(b -> b.rebuildViews = true);
        }

        public Options withoutSeeding() {
            return change(b -> b.seedDemo = false);
        }

        short replicationFactor() {
            return replication != null ? replication : (short) (bootstrapServers == null ? 1 : 3);
        }

        private Options change(java.util.function.Consumer<Builder> edit) {
            Builder b = new Builder(this);
            edit.accept(b);
            return b.build();
        }

        /** Mutable twin of {@link Options}, for the with-methods only. */
        private static final class Builder {
            Path dataDir;
            String bootstrapServers;
            String registryUrl;
            String host;
            int port;
            int partitions;
            long commitIntervalMs;
            boolean seedDemo;
            Duration decisionTimeout;
            Clock clock;
            Short replication;
            boolean runProjection;
            boolean rebuildViews;
            long maxBodyBytes;
            TlsSettings tls;
            Set<String> servedOds;
            LocalBroker.Placement brokerPlacement;

            Builder(Options o) {
                dataDir = o.dataDir;
                bootstrapServers = o.bootstrapServers;
                registryUrl = o.registryUrl;
                host = o.host;
                port = o.port;
                partitions = o.partitions;
                commitIntervalMs = o.commitIntervalMs;
                seedDemo = o.seedDemo;
                decisionTimeout = o.decisionTimeout;
                clock = o.clock;
                replication = o.replication;
                runProjection = o.runProjection;
                rebuildViews = o.rebuildViews;
                maxBodyBytes = o.maxBodyBytes;
                tls = o.tls;
                servedOds = o.servedOds;
                brokerPlacement = o.brokerPlacement;
            }

            Options build() {
                return new Options(dataDir, bootstrapServers, registryUrl, host, port, partitions, commitIntervalMs, seedDemo,
                        decisionTimeout, clock, replication, runProjection, rebuildViews, maxBodyBytes, tls, servedOds,
                        brokerPlacement);
            }
        }
    }

    private final List<AutoCloseable> running = new ArrayList<>();
    private LocalBroker broker;
    private SlotProjection projection;
    private EngineMetrics metrics;
    private PracticeOwnership ownership;
    private final EngineSettings settings;
    private final FhirFacade facade;
    private final AppointmentStore store;
    private final PracticeData demo;
    private final Set<String> served;
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
            this.broker = LocalBroker.start(o.brokerPlacement(), o.dataDir().resolve("kafka"), 0);
            running.add(broker);
            bootstrap = broker.bootstrapServers();
        }
        String registryUrl = o.registryUrl();
        if (registryUrl == null) {
            EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(bootstrap, 0);
            running.add(0, registry);
            registryUrl = registry.url();
        }
        short replication = o.replicationFactor();
        // The HTTP port is fixed before the views start: it is this instance's address in the views' group
        // metadata, which other instances use to forward requests for the practices held here.
        int port = o.port() == 0 ? freePort(o.host()) : o.port();
        String advertised = advertisedHost(o.host()) + ":" + port;
        this.settings = new EngineSettings(bootstrap, registryUrl, o.dataDir(), replication, o.partitions(), o.commitIntervalMs(), advertised);
        TopicProvisioner.ensureTopics(bootstrap, o.partitions(), replication);

        if (o.runProjection()) {
            this.projection = new SlotProjection(settings, w.processingGuarantee()).start();
            running.add(0, projection);
        }
        if (o.rebuildViews()) {
            ViewReset.run(settings);
        }
        this.metrics = new EngineMetrics();
        running.add(metrics);
        if (projection != null) {
            metrics.watch(SlotProjection.APPLICATION_ID, projection.streams());
        }
        CommandGateway gateway = new CommandGateway(settings, o.decisionTimeout(), metrics.commandOutcomes());
        running.add(0, gateway);
        this.store = new AppointmentStore(settings, metrics.countingDecisions(gateway::decided)).start();
        running.add(0, store);
        metrics.watch(AppointmentStore.APPLICATION_ID, store.streams());
        ConsumerLag lag = new ConsumerLag(bootstrap);
        running.add(0, lag);
        metrics.watchLag(AppointmentStore.APPLICATION_ID, lag);
        if (projection != null) {
            metrics.watchLag(SlotProjection.APPLICATION_ID, lag);
        }

        this.demo = DemoPractice.load();
        this.served = served(o, demo, w);
        boolean demoServed = served.contains(demo.servedOds());
        if (o.seedDemo() && demoServed) {
            seed(List.of(demo), o.clock());
        }
        seed(w.morePractices(), o.clock());
        store.awaitRunning(Duration.ofSeconds(120));
        this.ownership = new PracticeOwnership(store.streams(), HostInfo.buildFromEndpoint(advertised));
        if (demoServed && ownership.remoteOwner(demo.servedOds()).isEmpty()) {
            awaitSeeded(demo, o.clock());
        }
        // After a crash the views resume from their last commit (up to a second old): a booking answered 201 just
        // before it must read back as soon as the facade opens, not a moment later.
        if (!lag.awaitCaughtUp(AppointmentStore.APPLICATION_ID, Topics.APPOINTMENT_EVENTS.name(), Duration.ofSeconds(120))) {
            log.warn("The views have not yet applied every decision made before this start");
        }
        OpsServlet ops = new OpsServlet(metrics, this::readiness);
        this.facade = FhirFacade.start(new FhirFacade.Settings(o.host(), port, served, demo.providerAsid(), version(),
                        o.maxBodyBytes(), java.util.Optional.ofNullable(o.tls())),
                gateway, store.queries(), o.clock(),
                new FhirFacade.Extras(Map.of("/health/*", ops, "/metrics", ops), ownership::remoteOwner, metrics.registry()));
        running.add(0, facade);
        // The operations commands (import, lag, tail) find this engine's Kafka and registry here.
        new EngineAddress(bootstrap, registryUrl, serviceRoot()).write(o.dataDir());
        running.add(0, () -> EngineAddress.remove(o.dataDir()));
    }

    public static Engine start(Options options) {
        return new Engine(options, Workload.DEMO_ONLY);
    }

    public static Engine start(Options options, Workload workload) {
        return new Engine(options, workload);
    }

    private static Set<String> served(Options o, PracticeData demo, Workload w) {
        java.util.TreeSet<String> ods = new java.util.TreeSet<>(o.servedOds() != null ? o.servedOds() : Set.of(demo.servedOds()));
        w.morePractices().forEach(p -> ods.add(p.servedOds()));
        return java.util.Collections.unmodifiableSortedSet(ods);
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

    /**
     * The views answer only once the seeded directory and slots have flowed through the topics (the slots
     * only when the decision processor runs here: it is what publishes them).
     */
    private void awaitSeeded(PracticeData practice, Clock clock) {
        String ods = practice.servedOds();
        String lastSchedule = practice.schedules().get(practice.schedules().size() - 1).id();
        var key = io.gpconnect.store.directory.DirectoryView.byId(ods, "Schedule", lastSchedule);
        var slots = PracticeFeedRecords.slots(practice, LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/London"))),
                DemoPractice.ROLLING_DAYS, clock.instant());
        List<io.gpconnect.schemas.feed.SlotPublished> seeded = slots.stream()
                .map(r -> r.getChange()).filter(io.gpconnect.schemas.feed.SlotPublished.class::isInstance)
                .map(io.gpconnect.schemas.feed.SlotPublished.class::cast).toList();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                boolean directory = store.queries().directory(key, ods).isPresent();
                boolean slotView = projection == null || SeededSlots.visible(ods, seeded, projection, store.queries());
                if (directory && slotView) {
                    return;
                }
            } catch (io.gpconnect.store.ViewUnavailableException | org.apache.kafka.streams.errors.InvalidStateStoreException e) {
                log.debug("Views not queryable yet: {}", e.getMessage());
            }
            sleep(50);
        }
        log.warn("The demo practice's data has not reached the views yet");
    }

    /** The demo practice's service root, or the first served practice's when the demo one is not served here. */
    public String serviceRoot() {
        return serviceRoot(served.contains(demo.servedOds()) ? demo.servedOds() : new java.util.TreeSet<>(served).first());
    }

    public String serviceRoot(String ods) {
        return (options.tls() != null ? "https://" : "http://") + options.host() + ":" + facade.port() + ServiceRoot.path(ods);
    }

    /** The practices with a service root here. */
    public Set<String> servedOds() {
        return served;
    }

    public int port() {
        return facade.port();
    }

    public EngineSettings settings() {
        return settings;
    }

    /** The engine's own broker, when no external cluster was named: fault tests stop and restart it. */
    java.util.Optional<LocalBroker> embeddedBroker() {
        return java.util.Optional.ofNullable(broker);
    }

    /** Whether another instance holds this practice's views (requests for it are forwarded there). */
    boolean holdsElsewhere(String ods) {
        return ownership.remoteOwner(ods).isPresent();
    }

    /** Ready for traffic when the decision processor (if it runs here) and the views are running. */
    OpsServlet.Readiness readiness() {
        KafkaStreams.State views = store.streams().state();
        KafkaStreams.State decisions = projection == null ? KafkaStreams.State.RUNNING : projection.streams().state();
        boolean ready = views == KafkaStreams.State.RUNNING && decisions == KafkaStreams.State.RUNNING;
        return new OpsServlet.Readiness(ready, "slot-projection " + (projection == null ? "elsewhere" : decisions) + ", views " + views);
    }

    private static int freePort(String host) {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A wildcard bind address is no address to give other instances: use this host's name instead. */
    private static String advertisedHost(String bindHost) {
        if (!"0.0.0.0".equals(bindHost) && !"::".equals(bindHost)) {
            return bindHost;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    /** Records the slot projection could not read and set aside on the dead-letter topic. */
    public double projectionDroppedRecords() {
        return projection == null ? 0 : projection.streams().metrics().values().stream()
                .filter(m -> m.metricName().name().equals("dropped-records-total"))
                .mapToDouble(m -> ((Number) m.metricValue()).doubleValue()).sum();
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
