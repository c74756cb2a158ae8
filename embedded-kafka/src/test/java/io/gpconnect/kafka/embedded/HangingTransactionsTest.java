package io.gpconnect.kafka.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What counts as a transaction left hanging, and that a live one is never taken for one. (The hanging case itself
 * comes only from Kafka's coordinator skipping markers after a crash, which no client can provoke; ServeKilledTest
 * meets it.)
 */
class HangingTransactionsTest {
    private static final TopicPartition EVENTS_1 = new TopicPartition("events", 1);
    private static final ProducerState OPEN_AT_31 = new ProducerState(4, 31, 7, 0, OptionalInt.of(0), OptionalLong.of(70));

    @Test
    void aTransactionIsHangingWhereItsCoordinatorNoLongerHoldsItOpen() {
        assertThat(HangingTransactions.isHanging(EVENTS_1, OPEN_AT_31, null)).as("no coordinator knows the producer").isTrue();
        assertThat(HangingTransactions.isHanging(EVENTS_1, OPEN_AT_31, coordinator(4, TransactionState.COMPLETE_COMMIT, Set.of())))
                .as("logged complete, no marker written").isTrue();
        assertThat(HangingTransactions.isHanging(EVENTS_1, OPEN_AT_31, coordinator(4, TransactionState.EMPTY, Set.of())))
                .as("the producer started again since").isTrue();
        assertThat(HangingTransactions.isHanging(EVENTS_1, OPEN_AT_31, coordinator(4, TransactionState.ONGOING, Set.of(new TopicPartition("events", 2)))))
                .as("open at the coordinator, but not on this partition").isTrue();
        assertThat(HangingTransactions.isHanging(EVENTS_1, OPEN_AT_31, coordinator(5, TransactionState.ONGOING, Set.of(EVENTS_1))))
                .as("the transactional id now belongs to another producer").isTrue();
    }

    @Test
    void aTransactionOpenOrBeingFinishedAtItsCoordinatorIsNotHanging() {
        for (TransactionState state : List.of(TransactionState.ONGOING, TransactionState.PREPARE_COMMIT, TransactionState.PREPARE_ABORT)) {
            assertThat(HangingTransactions.isHanging(EVENTS_1, OPEN_AT_31, coordinator(4, state, Set.of(EVENTS_1)))).as(state.toString()).isFalse();
        }
    }

    @Test
    void aLiveTransactionIsLeftToCommit() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("events", 2, (short) 1))).all().get();
            }
            assertThat(HangingTransactions.abortAfterRestart(kafka.bootstrapServers(), Duration.ofSeconds(5))).isEmpty();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, "live"), new StringSerializer(), new StringSerializer())) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("events", 1, "k", "v")).get();

                assertThat(HangingTransactions.abortAfterRestart(kafka.bootstrapServers(), Duration.ofSeconds(5))).isEmpty();
                producer.commitTransaction();
            }
            assertThat(readCommitted(kafka, new TopicPartition("events", 1))).containsExactly("v");
        }
    }

    private static List<String> readCommitted(EmbeddedKafka kafka, TopicPartition partition) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.currentTimeMillis() + 10_000;
            List<String> values = new java.util.ArrayList<>();
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }

    private static TransactionDescription coordinator(long producerId, TransactionState state, Set<TopicPartition> partitions) {
        return new TransactionDescription(1, state, producerId, 31, 10_000, OptionalLong.empty(), partitions);
    }
}
