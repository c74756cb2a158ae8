package io.gpconnect.kafka.embedded;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The Kafka broker the engine runs for itself on 127.0.0.1 when no external cluster is named: one KRaft node
 * keeping its log under a data directory that survives restarts. {@link #stop()} and {@link #restart()} take it
 * down and back up on the same ports over the same log, as a crashed broker host would come back.
 */
public interface LocalBroker extends AutoCloseable {

    /** Where the broker runs: beside the engine in its own JVM, or inside the engine's. */
    enum Placement {
        /**
         * A child JVM the engine starts and stops with itself: the broker's collections and CPU are its own, so
         * they no longer pause the processor and the facade, nor theirs the broker; it costs a second JVM's memory.
         */
        PROCESS,
        /** Inside the engine's JVM: one process, the least memory, the quickest to start. The default. */
        IN_PROCESS;

        /** {@code process} or {@code in-process}, as the command line spells them. */
        public static Placement parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /**
     * Starts a broker keeping its log under {@code dataDir}; port 0 picks a free port. Restarted after a crash inside
     * a commit, the one-node broker can leave that commit hanging (its coordinator logs it complete without writing
     * the markers); nobody else uses a broker just started, so what is open on a partition and closed at its
     * coordinator is exactly that, and it is aborted before the broker is handed over ({@link HangingTransactions}).
     */
    static LocalBroker start(Placement placement, Path dataDir, int brokerPort) {
        LocalBroker broker = switch (placement) {
            case PROCESS -> BrokerProcess.start(dataDir, brokerPort);
            case IN_PROCESS -> EmbeddedKafka.start(dataDir, brokerPort);
        };
        HangingTransactions.abortOrWarn(broker.bootstrapServers());
        return broker;
    }

    String bootstrapServers();

    Path dataDir();

    /** Takes the broker down; its log stays on disk and its ports are remembered for {@link #restart()}. */
    void stop();

    /** Brings a {@link #stop() stopped} broker back on the same listener ports, over the same log. */
    void restart();

    boolean isRunning();

    @Override
    void close();
}
