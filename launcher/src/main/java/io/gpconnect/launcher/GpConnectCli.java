package io.gpconnect.launcher;

import picocli.CommandLine;
import io.gpconnect.analytics.AnalyticsCommand;
import io.gpconnect.bench.BenchCommand;
import io.gpconnect.kafka.embedded.BrokerProcess;
import io.gpconnect.launcher.bench.ServeProcess;
import io.gpconnect.launcher.bench.WorkloadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.gpconnect.slots.SlotProjection;
import io.gpconnect.topics.EngineSettings;

import io.gpconnect.launcher.config.EnvironmentDefaults;
import io.gpconnect.launcher.config.OneLineErrors;
import io.gpconnect.launcher.config.SettingChecks;
import io.gpconnect.launcher.config.UsageErrors;
import io.gpconnect.launcher.operations.ImportCommand;
import io.gpconnect.launcher.operations.LagCommand;
import io.gpconnect.launcher.operations.TailCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code ./gpconnect}: run and operate the booking engine. */
@Command(name = "gpconnect", mixinStandardHelpOptions = true, version = "gpconnect 0.1.0",
        description = "GP Connect appointment booking engine on Kafka Streams",
        subcommands = {GpConnectCli.Serve.class, GpConnectCli.Process.class, GpConnectCli.Rebuild.class,
                ImportCommand.class, LagCommand.class, TailCommand.class})
public final class GpConnectCli {
    /** The commands whose options may also come from the environment (see {@link EnvironmentDefaults}). */
    private static final List<String> ENVIRONMENT_CONFIGURED = List.of("serve", "process", "rebuild", "import", "lag", "tail");

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** The whole command tree, with option defaults taken from {@code environment}. */
    public static CommandLine commandLine(Map<String, String> environment) {
        CommandLine cli = new CommandLine(new GpConnectCli())
                .addSubcommand(new BenchCommand(new ServeProcess()))
                .addSubcommand(new AnalyticsCommand());
        EnvironmentDefaults defaults = new EnvironmentDefaults(environment);
        // Only where the variables mean what they say: analytics has a --port of its own, for instance.
        ENVIRONMENT_CONFIGURED.forEach(name -> cli.getSubcommands().get(name).setDefaultValueProvider(defaults));
        OneLineErrors errors = new OneLineErrors();
        cli.setParameterExceptionHandler(errors);
        cli.setExecutionExceptionHandler(errors);
        return cli;
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Start broker, registry, processor and FHIR facade in one process (demo practice A20047 seeded). "
                    + "Every option but the bench ones can also be set by the environment variable named in its description.")
    static final class Serve implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--port", defaultValue = "8080", description = "HTTP port, 0 for any free one (default ${DEFAULT-VALUE}; env GPCONNECT_PORT)")
        int port;

        @Option(names = "--host", defaultValue = "127.0.0.1", description = "HTTP bind address (default ${DEFAULT-VALUE}; env GPCONNECT_HOST)")
        String host;

        @Option(names = "--data-dir", defaultValue = "data",
                description = "Where the embedded broker and state stores keep their data (default ./${DEFAULT-VALUE}; env GPCONNECT_DATA_DIR)")
        Path dataDir;

        @Option(names = "--bootstrap-servers",
                description = "External Kafka cluster, host:port[,host:port…]; the embedded broker is used when absent (env KAFKA_BOOTSTRAP_SERVERS)")
        String bootstrapServers;

        @Option(names = "--embedded-broker", defaultValue = "in-process",
                description = "Where the embedded broker runs: in-process, or process (a child JVM started and stopped with the engine, heap from "
                        + "KAFKA_HEAP_OPTS, default " + BrokerProcess.DEFAULT_HEAP_OPTS + ": a shorter booking tail for about 450 MB more memory) "
                        + "(default ${DEFAULT-VALUE}; env GPCONNECT_EMBEDDED_BROKER)")
        String embeddedBroker;

        @Option(names = "--registry-url",
                description = "External Apicurio Registry v3 API URL; the embedded registry is used when absent (env APICURIO_REGISTRY_URL)")
        String registryUrl;

        @Option(names = "--ods", split = ",", paramLabel = "ODS",
                description = "ODS codes of the practices served here, comma-separated (default: the demo practice A20047, which is then seeded; env GPCONNECT_ODS)")
        List<String> ods;

        @Option(names = "--commit-interval-ms", defaultValue = "20",
                description = "How often the processor commits while it keeps up: the floor of booking latency; every tenth of their wait (100 ms to 1 s) while commands queue over a second (default ${DEFAULT-VALUE}; env GPCONNECT_COMMIT_INTERVAL_MS)")
        long commitIntervalMs;

        @Option(names = "--decision-timeout-ms", defaultValue = "10000",
                description = "How long a request waits for its command's decision before answering 503 (default ${DEFAULT-VALUE}; env GPCONNECT_DECISION_TIMEOUT_MS)")
        long decisionTimeoutMs;

        @Mixin
        WorkloadOptions workload;

        @Option(names = "--rebuild-views", description = "Drop the materialised views and rebuild them from the topics before serving")
        boolean rebuildViews;

        @Option(names = "--max-body-bytes", defaultValue = "1048576",
                description = "Largest request body accepted; larger ones get 413 (default ${DEFAULT-VALUE})")
        long maxBodyBytes;

        @Mixin
        TlsOptions tls;

        /** The engine's options, every setting checked: a bad one is a usage error before anything starts. */
        Engine.Options options() {
            return UsageErrors.checked(spec, () -> {
                Engine.Options o = Engine.Options.defaults(SettingChecks.writableDirectory("--data-dir", dataDir))
                        .withPort(SettingChecks.port("--port", port))
                        .withHost(SettingChecks.host("--host", host))
                        .withCommitIntervalMs(SettingChecks.positive("--commit-interval-ms", commitIntervalMs))
                        .withDecisionTimeout(Duration.ofMillis(SettingChecks.positive("--decision-timeout-ms", decisionTimeoutMs)))
                        .withBrokerPlacement(SettingChecks.brokerPlacement("--embedded-broker", embeddedBroker))
                        .withExternal(bootstrapServers == null ? null : SettingChecks.bootstrapServers("--bootstrap-servers", bootstrapServers),
                                registryUrl == null ? null : SettingChecks.httpUrl("--registry-url", registryUrl));
                if (ods != null) {
                    o = o.withServedOds(SettingChecks.odsCodes("--ods", new TreeSet<>(ods)));
                }
                o = o.withMaxBodyBytes(SettingChecks.positive("--max-body-bytes", maxBodyBytes));
                if (tls.settings() != null) {
                    o = o.withTls(tls.settings());
                }
                return rebuildViews ? o.withRebuiltViews() : o;
            });
        }

        /** Held while this serve runs (see {@link ServeLock}). */
        private FileChannel lock;

        @Override
        public Integer call() throws Exception {
            Engine.Options options = options();
            var scale = UsageErrors.checked(spec, workload::workload);
            lock = UsageErrors.checked(spec, () -> ServeLock.acquire("--data-dir", options.dataDir()));
            Engine engine;
            try {
                UsageErrors.checked(spec, () -> SettingChecks.freePort("--port", host, port));
                engine = Engine.start(options, scale);
            } catch (RuntimeException | Error e) {
                lock.close(); // this process may live on (an in-process caller): the data dir is free again
                throw e;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("Stopping…");
                engine.close();
                stopped.countDown();
            }, "gpconnect-shutdown"));
            System.out.println(ServeBanner.rootLine(engine.serviceRoot()));
            if (engine.servedOds().size() > 1) {
                // A thousand synthetic practices would flood the console: a few show the form.
                List<String> all = List.copyOf(engine.servedOds());
                System.out.println("Practices served (" + all.size() + "): " + String.join(", ", all.subList(0, Math.min(10, all.size())))
                        + (all.size() > 10 ? ", …" : "") + "; each at /[ODS]/STU3/1/gpconnect");
            }
            System.out.println(ServeBanner.kafkaLine(engine.settings().bootstrapServers(), engine.settings().registryUrl()));
            System.out.println("Press Ctrl-C to stop.");
            stopped.await();
            return 0;
        }

    }

    @Command(name = "process", mixinStandardHelpOptions = true,
            description = "Run only the slot projection (the exactly-once decision processor) against an existing Kafka and registry.")
    static final class Process implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--bootstrap-servers", required = true, description = "host:port[,host:port…] (env KAFKA_BOOTSTRAP_SERVERS)")
        String bootstrapServers;

        @Option(names = "--registry-url", required = true, description = "Apicurio Registry v3 API URL (env APICURIO_REGISTRY_URL)")
        String registryUrl;

        @Option(names = "--data-dir", defaultValue = "data", description = "Where the state stores live (default ./${DEFAULT-VALUE}; env GPCONNECT_DATA_DIR)")
        Path dataDir;

        @Option(names = "--commit-interval-ms", defaultValue = "20",
                description = "How often the processor commits (default ${DEFAULT-VALUE}; env GPCONNECT_COMMIT_INTERVAL_MS)")
        long commitIntervalMs;

        @Option(names = "--partitions", defaultValue = "6")
        int partitions;

        @Option(names = "--replication", defaultValue = "1")
        short replication;

        EngineSettings settings() {
            return UsageErrors.checked(spec, () -> new EngineSettings(
                    SettingChecks.bootstrapServers("--bootstrap-servers", bootstrapServers),
                    SettingChecks.httpUrl("--registry-url", registryUrl),
                    SettingChecks.writableDirectory("--data-dir", dataDir), replication,
                    (int) SettingChecks.positive("--partitions", partitions),
                    SettingChecks.positive("--commit-interval-ms", commitIntervalMs), null));
        }

        @Override
        public Integer call() throws Exception {
            EngineSettings settings = settings();
            SlotProjection projection = new SlotProjection(settings).start();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                projection.close();
                stopped.countDown();
            }, "gpconnect-shutdown"));
            System.out.println("Slot projection running against " + bootstrapServers);
            stopped.await();
            return 0;
        }
    }

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = "Drop the materialised views (offsets, changelogs, local state) so the next start rebuilds them from the topics. Stop the service first.")
    static final class Rebuild implements Callable<Integer> {
        @Option(names = "--data-dir", defaultValue = "data")
        Path dataDir;

        @Option(names = "--bootstrap-servers", description = "The engine's Kafka; the embedded broker in --data-dir when absent (env KAFKA_BOOTSTRAP_SERVERS)")
        String bootstrapServers;

        @Override
        public Integer call() {
            String bootstrap = blankToNull(bootstrapServers);
            io.gpconnect.kafka.embedded.EmbeddedKafka kafka = null;
            if (bootstrap == null) {
                kafka = io.gpconnect.kafka.embedded.EmbeddedKafka.start(dataDir.resolve("kafka"), 0);
                bootstrap = kafka.bootstrapServers();
            }
            try {
                io.gpconnect.store.ViewReset.run(new EngineSettings(bootstrap, null, dataDir, (short) 1, 6, 20, null));
                System.out.println("Views dropped; the next ./gpconnect serve rebuilds them from the topics.");
                return 0;
            } finally {
                if (kafka != null) {
                    kafka.close();
                }
            }
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
