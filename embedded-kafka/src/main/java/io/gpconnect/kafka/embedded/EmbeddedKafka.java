package io.gpconnect.kafka.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker, in KRaft mode (one node that is both broker and controller), running inside this JVM
 * on 127.0.0.1. It is the default so that `./gpconnect serve` and the test suite need no Docker engine;
 * production points at an external cluster instead.
 *
 * <p>The data directory survives restarts: an already formatted directory is reused, so every booking
 * committed before a stop is there after the next start. {@link #stop()} and {@link #restart()} take the
 * broker down and back up in place, on the same ports and data, as a crashed or rebooted broker host would
 * come back: clients keep their bootstrap address and must reconnect by themselves.
 */
public final class EmbeddedKafka implements LocalBroker {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final Path dataDir;
    private final Listeners listeners;
    private final Map<String, String> overrides;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path dataDir, Listeners listeners, Map<String, String> overrides) {
        this.dataDir = dataDir;
        this.listeners = listeners;
        this.overrides = overrides;
    }

    /** Starts a broker keeping its log under {@code dataDir}; port 0 picks a free port. */
    public static EmbeddedKafka start(Path dataDir, int brokerPort) {
        return start(dataDir, brokerPort, Map.of());
    }

    public static EmbeddedKafka start(Path dataDir, int brokerPort, Map<String, String> overrides) {
        return start(dataDir, Listeners.choose(brokerPort), overrides);
    }

    /** On both ports given: a {@link BrokerProcess} comes back on the ones its parent chose the first time. */
    static EmbeddedKafka start(Path dataDir, Listeners listeners, Map<String, String> overrides) {
        EmbeddedKafka kafka = new EmbeddedKafka(dataDir.toAbsolutePath(), listeners, overrides);
        kafka.startServer();
        return kafka;
    }

    /** A throwaway broker in a fresh temporary directory, for tests. */
    public static EmbeddedKafka startTemporary() {
        try {
            return start(Files.createTempDirectory("gpconnect-kafka-"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String bootstrapServers() {
        return listeners.bootstrapServers();
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
            log.info("Kafka broker at {} stopped (data kept in {})", bootstrapServers(), dataDir);
        }
    }

    @Override
    public synchronized void restart() {
        if (server != null) {
            throw new IllegalStateException("The broker at " + bootstrapServers() + " is running");
        }
        startServer();
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    private void startServer() {
        Path logDir = dataDir.resolve("log");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties props = brokerProperties(logDir);
        format(props, logDir);
        server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
        awaitReady();
        log.info("Kafka broker (KRaft, {}) ready at {} with data in {}",
                BrokerProcess.isBrokerProcess() ? "own process" : "in-process", bootstrapServers(), logDir);
    }

    private Properties brokerProperties(Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + listeners.controller());
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + listeners.broker() + ",CONTROLLER://127.0.0.1:" + listeners.controller());
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + listeners.broker());
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // A single node: every internal topic has one replica, and transactions need an ISR of one.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Kafka's 3 network and 8 request-handler threads are for a broker with a machine of its own; this one shares
        // its cores with the engine, where more threads than cores only take turns. With 1 and 2 on 2 cores, booking at
        // 500/s cost the broker 600-662 µs a booking against 652-760, p99 83-152 against 104-231 ms (six runs each);
        // the Kafka command path 13-18 µs a decision against 32-33, 7,571-8,467 decisions/s against 6,577-7,269.
        int cores = Runtime.getRuntime().availableProcessors();
        p.put("num.network.threads", String.valueOf(Math.min(3, Math.max(1, cores / 2))));
        p.put("num.io.threads", String.valueOf(Math.min(8, Math.max(2, cores))));
        // Topics are created explicitly with their documented settings, never by accident.
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        p.putAll(overrides);
        return p;
    }

    private static void format(Properties props, Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Path config = logDir.resolveSibling("server.properties");
        try {
            try (var out = Files.newBufferedWriter(config)) {
                props.store(out, "written by EmbeddedKafka for kafka-storage format");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        // execute, not main: main exits the JVM.
        int rc = StorageTool.execute(new String[] {
                "format", "--config", config.toString(), "--cluster-id", Uuid.randomUuid().toString(), "--ignore-formatted"
        }, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("kafka-storage format failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitReady() {
        awaitReady(bootstrapServers(), Duration.ofSeconds(60), () -> true);
    }

    /** Until the broker answers metadata requests, or {@code alive} says it never will. */
    static void awaitReady(String bootstrapServers, Duration patience, java.util.function.BooleanSupplier alive) {
        Map<String, Object> conf = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        long deadline = System.nanoTime() + patience.toNanos();
        try (Admin admin = Admin.create(conf)) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    admin.listTopics().names().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    if (!alive.getAsBoolean()) {
                        throw new IllegalStateException("Kafka broker at " + bootstrapServers + " exited while starting", e);
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka broker did not become ready at " + bootstrapServers, e);
                    }
                    sleep(Duration.ofMillis(100));
                }
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
