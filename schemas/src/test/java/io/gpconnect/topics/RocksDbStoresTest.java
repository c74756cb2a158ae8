package io.gpconnect.topics;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class RocksDbStoresTest {
    private static final String STORE = "values";

    @Test
    void storesAndLogsEveryWriteLikeKafkaStreamsOwnStore(@TempDir Path stateDir) {
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(), properties(stateDir))) {
            var in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            in.pipeInput("a", "1");
            in.pipeInput("b", "2");
            in.pipeInput("a", "3");
            in.pipeInput("b", (String) null);

            KeyValueStore<String, String> store = driver.getKeyValueStore(STORE);
            assertThat(store.persistent()).isTrue();
            assertThat(store.get("a")).isEqualTo("3");
            assertThat(store.get("b")).isNull();
            var changelog = driver.createOutputTopic("app-" + STORE + "-changelog", new StringDeserializer(), new StringDeserializer());
            assertThat(changelog.readKeyValuesToList())
                    .containsExactly(KeyValue.pair("a", "1"), KeyValue.pair("b", "2"), KeyValue.pair("a", "3"), KeyValue.pair("b", null));
        }
    }

    @Test
    void reportsNoPositionWhereKafkaStreamsOwnStoreReportsTheOffsetsItReflects(@TempDir Path own, @TempDir Path ours) {
        assertThat(positionAfterOneWrite(Stores.persistentKeyValueStore(STORE), own).isEmpty()).isFalse();
        assertThat(positionAfterOneWrite(RocksDbStores.persistent(STORE), ours).isEmpty()).isTrue();
        assertThat(RocksDbStores.persistent(STORE).metricsScope()).isEqualTo(Stores.persistentKeyValueStore(STORE).metricsScope());
    }

    private static Position positionAfterOneWrite(KeyValueBytesStoreSupplier supplier, Path stateDir) {
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(supplier), properties(stateDir))) {
            driver.createInputTopic("in", new StringSerializer(), new StringSerializer()).pipeInput("a", "1");
            return driver.<String, String>getKeyValueStore(STORE).getPosition();
        }
    }

    private static Topology topology() {
        return topology(RocksDbStores.persistent(STORE));
    }

    private static Topology topology(KeyValueBytesStoreSupplier supplier) {
        Topology t = new Topology();
        t.addSource("in", "in");
        t.addProcessor("put", () -> new Processor<String, String, Void, Void>() {
            private KeyValueStore<String, String> values;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                values = context.getStateStore(STORE);
            }

            @Override
            public void process(Record<String, String> record) {
                values.put(record.key(), record.value());
            }
        }, "in");
        t.addStateStore(Stores.keyValueStoreBuilder(supplier, Serdes.String(), Serdes.String())
                .withCachingDisabled(), "put");
        return t;
    }

    private static Properties properties(Path stateDir) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "app");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        return p;
    }
}
