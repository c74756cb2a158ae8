package io.gpconnect.slots;

import io.gpconnect.topics.EngineSettings;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings the decision processor runs with, where they differ from Kafka Streams' defaults on purpose. */
class SlotProjectionSettingsTest {
    private static final EngineSettings SETTINGS =
            new EngineSettings("127.0.0.1:9092", "http://127.0.0.1:8081/apis/registry/v3", Path.of("state"), (short) 1, 6, 20, null);

    @Test
    void theProcessorPacesItsCommitsAndKafkaStreamsOwnIntervalIsOnlyTheLongestWait() {
        Properties p = SlotProjection.properties(SETTINGS, StreamsConfig.EXACTLY_ONCE_V2);

        assertThat(p.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(p.getProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(String.valueOf(CommitPacer.LONGEST_INTERVAL_MS));
        assertThat(p.getProperty(StreamsConfig.POLL_MS_CONFIG)).as("a poll waits no longer than a commit interval").isEqualTo("20");
        assertThat(p.getProperty(StreamsConfig.producerPrefix("linger.ms"))).isEqualTo("5");
        assertThat(p.getProperty(StreamsConfig.producerPrefix("retry.backoff.ms")))
                .as("a request refused while the previous transaction completes is retried within a commit interval").isEqualTo("10");
    }

    @Test
    void atLeastOnceKeepsTheProducersDefaults() {
        Properties p = SlotProjection.properties(SETTINGS, StreamsConfig.AT_LEAST_ONCE);

        assertThat(p.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.AT_LEAST_ONCE);
        assertThat(p.getProperty(StreamsConfig.producerPrefix("linger.ms"))).isEqualTo("0");
        assertThat(p.getProperty(StreamsConfig.producerPrefix("retry.backoff.ms"))).isNull();
    }
}
