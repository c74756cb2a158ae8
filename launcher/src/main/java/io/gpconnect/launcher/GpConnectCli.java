package io.gpconnect.launcher;

import picocli.CommandLine;
import io.gpconnect.analytics.AnalyticsCommand;
import io.gpconnect.bench.BenchCommand;
import io.gpconnect.launcher.bench.ServeProcess;
import io.gpconnect.launcher.bench.WorkloadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.gpconnect.slots.SlotProjection;
import io.gpconnect.topics.EngineSettings;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code ./gpconnect}: run and operate the booking engine. */
@Command(name = "gpconnect", mixinStandardHelpOptions = true, version = "gpconnect 0.1.0",
        description = "GP Connect appointment booking engine on Kafka Streams",
        subcommands = {GpConnectCli.Serve.class, GpConnectCli.Process.class, GpConnectCli.Rebuild.class})
public final class GpConnectCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new GpConnectCli())
                .addSubcommand(new BenchCommand(new ServeProcess()))
                .addSubcommand(new AnalyticsCommand())
                .execute(args));
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Start broker, registry, processor and FHIR facade in one process (demo practice A20047 seeded).")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--host", defaultValue = "127.0.0.1", description = "HTTP bind address (default ${DEFAULT-VALUE})")
        String host;

        @Option(names = "--data-dir", defaultValue = "data", description = "Where the embedded broker and state stores keep their data (default ./${DEFAULT-VALUE})")
        Path dataDir;

        @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS}",
                description = "External Kafka cluster; the embedded broker is used when absent (env KAFKA_BOOTSTRAP_SERVERS)")
        String bootstrapServers;

        @Option(names = "--registry-url", defaultValue = "${env:APICURIO_REGISTRY_URL}",
                description = "External Apicurio Registry v3 API URL; the embedded registry is used when absent (env APICURIO_REGISTRY_URL)")
        String registryUrl;

        @Mixin
        WorkloadOptions workload;

        @Option(names = "--rebuild-views", description = "Drop the materialised views and rebuild them from the topics before serving")
        boolean rebuildViews;

        @Option(names = "--max-body-bytes", defaultValue = "1048576",
                description = "Largest request body accepted; larger ones get 413 (default ${DEFAULT-VALUE})")
        long maxBodyBytes;

        @Mixin
        TlsOptions tls;

        @Override
        public Integer call() throws Exception {
            Engine.Options options = Engine.Options.defaults(dataDir).withPort(port).withHost(host)
                    .withExternal(blankToNull(bootstrapServers), blankToNull(registryUrl));
            if (rebuildViews) {
                options = options.withRebuiltViews();
            }
            options = options.withMaxBodyBytes(maxBodyBytes);
            if (tls.settings() != null) {
                options = options.withTls(tls.settings());
            }
            Engine engine = Engine.start(options, workload.workload());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("Stopping…");
                engine.close();
                stopped.countDown();
            }, "gpconnect-shutdown"));
            System.out.println("GP Connect service root: " + engine.serviceRoot());
            System.out.println("Kafka: " + engine.settings().bootstrapServers() + "  schema registry: " + engine.settings().registryUrl());
            System.out.println("Press Ctrl-C to stop.");
            stopped.await();
            return 0;
        }

    }

    @Command(name = "process", mixinStandardHelpOptions = true,
            description = "Run only the slot projection (the exactly-once decision processor) against an existing Kafka and registry.")
    static final class Process implements Callable<Integer> {
        @Option(names = "--bootstrap-servers", required = true, defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS}")
        String bootstrapServers;

        @Option(names = "--registry-url", required = true, defaultValue = "${env:APICURIO_REGISTRY_URL}")
        String registryUrl;

        @Option(names = "--data-dir", defaultValue = "data", description = "Where the state stores live (default ./${DEFAULT-VALUE})")
        Path dataDir;

        @Option(names = "--partitions", defaultValue = "6")
        int partitions;

        @Option(names = "--replication", defaultValue = "1")
        short replication;

        @Override
        public Integer call() throws Exception {
            EngineSettings settings = new EngineSettings(bootstrapServers, registryUrl, dataDir, replication, partitions, 20, null);
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

        @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS}")
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
