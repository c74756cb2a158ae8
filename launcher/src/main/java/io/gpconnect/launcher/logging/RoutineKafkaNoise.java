package io.gpconnect.launcher.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps lines Kafka writes in routine operation out of the log, where they read as faults on every start.
 *
 * <p>Exactly-once retries.
 * With transactions v2 a produce that reaches a partition while the coordinator is still writing the previous
 * commit's markers is refused with CONCURRENT_TRANSACTIONS; the producer retries it (a WARN per partition), and
 * the batches it had in flight behind it reach the broker first, which refuses them as out of order for a
 * producer it holds no state for yet (an ERROR with a stack trace from the embedded broker, and a WARN from the
 * producer, which retries them too: it retries a sequence error only for a batch that is not the first in
 * flight, the case that heals once the first is written; any other is fatal and logged). All are retried
 * to success by Kafka itself; seeding at start-up, with a cold JIT and many partitions per commit, meets them
 * most. Any other sequence error, and anything the retries fail to mend, is still logged.
 *
 * <p>A warning that {@code processing.exception.handler.global.enabled} is off. Our settings turn it on
 * (EngineSettings); Kafka Streams' partition assignor builds a second StreamsConfig from the consumer's settings
 * alone, where it is missing, and warns once per application.
 */
public final class RoutineKafkaNoise extends Filter<ILoggingEvent> {
    static final String SENDER = "org.apache.kafka.clients.producer.internals.Sender";
    static final String REPLICA_MANAGER = "kafka.server.ReplicaManager";
    static final String OUT_OF_ORDER = "org.apache.kafka.common.errors.OutOfOrderSequenceException";
    static final String STREAMS_CONFIG = "org.apache.kafka.streams.StreamsConfig";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return routine(event) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    private static boolean routine(ILoggingEvent event) {
        String logger = event.getLoggerName();
        if (SENDER.equals(logger) && event.getLevel() == Level.WARN) {
            String message = event.getFormattedMessage();
            return message != null && message.contains(", retrying (")
                    && (message.endsWith("Error: CONCURRENT_TRANSACTIONS") || message.endsWith("Error: OUT_OF_ORDER_SEQUENCE_NUMBER"));
        }
        if (REPLICA_MANAGER.equals(logger) && event.getLevel() == Level.ERROR) {
            IThrowableProxy thrown = event.getThrowableProxy();
            return thrown != null && OUT_OF_ORDER.equals(thrown.getClassName()) && thrown.getMessage() != null
                    && thrown.getMessage().contains("Expected sequence 0 for transactions v2 idempotent producer with no existing state");
        }
        if (STREAMS_CONFIG.equals(logger) && event.getLevel() == Level.WARN) {
            String message = event.getFormattedMessage();
            return message != null && message.startsWith("Processing exception handler is not enabled for the GlobalThread.");
        }
        return false;
    }
}
