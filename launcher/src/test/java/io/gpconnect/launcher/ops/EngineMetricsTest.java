package io.gpconnect.launcher.ops;

import io.micrometer.core.instrument.Gauge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The scrape keeps the store metrics Kafka Streams records and leaves out those it registers but never records. */
class EngineMetricsTest {

    @Test
    void storeMetricsRecordedOnlyAtDebugAreLeftOutOfTheScrape() {
        try (EngineMetrics metrics = new EngineMetrics()) {
            for (String name : new String[]{"kafka.stream.state.block.cache.usage", "kafka.stream.state.estimate.num.keys",
                    "kafka.stream.state.num.running.compactions", "kafka.stream.state.put.rate", "kafka.stream.state.get.latency.avg",
                    "kafka.stream.state.bytes.written.rate", "kafka.stream.thread.commit.latency.avg"}) {
                Gauge.builder(name, () -> 1.0).tag("rocksdb.state.id", "slots").register(metrics.registry());
            }

            String scrape = metrics.scrape();

            assertThat(scrape).contains("kafka_stream_state_block_cache_usage{", "kafka_stream_state_estimate_num_keys{",
                    "kafka_stream_state_num_running_compactions{", "kafka_stream_thread_commit_latency_avg{");
            assertThat(scrape).doesNotContain("kafka_stream_state_put_rate", "kafka_stream_state_get_latency_avg",
                    "kafka_stream_state_bytes_written_rate");
        }
    }
}
