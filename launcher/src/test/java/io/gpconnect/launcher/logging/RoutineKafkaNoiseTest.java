package io.gpconnect.launcher.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lines as Kafka 4.4 writes them at start-up (seen in serve logs), and their near misses. */
class RoutineKafkaNoiseTest {
    private static final String RETRY = "[Producer clientId=gpconnect-slot-projection-1-StreamThread-1-producer, transactionalId=gpconnect-slot-projection-1] "
            + "Got error produce response with correlation id 1029 on topic-partition gpc.slot.availability-2, retrying (2147483646 attempts left). Error: ";
    private static final String NO_STATE = "Invalid sequence number for producer 4 at offset 209 in partition gpc.slot.availability-1: 3 (incoming seq. number). "
            + "Expected sequence 0 for transactions v2 idempotent producer with no existing state.";

    private final LoggerContext context = new LoggerContext();
    private final RoutineKafkaNoise filter = new RoutineKafkaNoise();

    @Test
    void dropsTheProducersRetryOfAConcurrentTransactionRefusal() {
        assertThat(decide(RoutineKafkaNoise.SENDER, Level.WARN, RETRY + "CONCURRENT_TRANSACTIONS", null)).isEqualTo(FilterReply.DENY);
        assertThat(decide(RoutineKafkaNoise.SENDER, Level.WARN, RETRY + "OUT_OF_ORDER_SEQUENCE_NUMBER", null)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void keepsTheProducersOtherWarnings() {
        assertThat(decide(RoutineKafkaNoise.SENDER, Level.WARN, RETRY + "NOT_LEADER_OR_FOLLOWER", null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(RoutineKafkaNoise.SENDER, Level.ERROR, RETRY + "CONCURRENT_TRANSACTIONS", null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("org.apache.kafka.clients.NetworkClient", Level.WARN, RETRY + "CONCURRENT_TRANSACTIONS", null)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void dropsTheBrokersRefusalOfBatchesBehindARetriedFirstOne() {
        assertThat(decide(RoutineKafkaNoise.REPLICA_MANAGER, Level.ERROR,
                "[ReplicaManager broker=1] Error processing append operation on partition gpc.slot.availability-1",
                new OutOfOrderSequenceException(NO_STATE))).isEqualTo(FilterReply.DENY);
    }

    @Test
    void keepsEveryOtherBrokerError() {
        String line = "[ReplicaManager broker=1] Error processing append operation on partition gpc.slot.availability-1";
        assertThat(decide(RoutineKafkaNoise.REPLICA_MANAGER, Level.ERROR, line,
                new OutOfOrderSequenceException("Out of order sequence number for producer 4 at offset 209: 51 (incoming seq. number), 49 (current end sequence number)")))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(RoutineKafkaNoise.REPLICA_MANAGER, Level.ERROR, line, new IllegalStateException(NO_STATE))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(RoutineKafkaNoise.REPLICA_MANAGER, Level.ERROR, line, null)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void dropsTheAssignorsWarningAboutASettingWeTurnOn() {
        String warning = "Processing exception handler is not enabled for the GlobalThread. It's recommended to set "
                + "`processing.exception.handler.global.enabled` to true to enable it.";
        assertThat(decide(RoutineKafkaNoise.STREAMS_CONFIG, Level.WARN, warning, null)).isEqualTo(FilterReply.DENY);
        assertThat(decide(RoutineKafkaNoise.STREAMS_CONFIG, Level.WARN, "Unrecognized config: foo", null)).isEqualTo(FilterReply.NEUTRAL);
    }

    /** The filter stands on the appender every logger writes to, as ./gpconnect's logback.xml configures it. */
    @Test
    void logbackXmlPutsItOnTheConsoleAppender() throws Exception {
        LoggerContext configured = new LoggerContext();
        ch.qos.logback.classic.joran.JoranConfigurator joran = new ch.qos.logback.classic.joran.JoranConfigurator();
        joran.setContext(configured);
        joran.doConfigure(RoutineKafkaNoiseTest.class.getResource("/logback.xml"));
        var appender = configured.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        assertThat(appender).isNotNull();
        assertThat(appender.getCopyOfAttachedFiltersList()).hasAtLeastOneElementOfType(RoutineKafkaNoise.class);
        configured.stop();
    }

    private FilterReply decide(String loggerName, Level level, String message, Throwable thrown) {
        Logger logger = context.getLogger(loggerName);
        return filter.decide(new LoggingEvent(Logger.class.getName(), logger, level, message, thrown, null));
    }
}
