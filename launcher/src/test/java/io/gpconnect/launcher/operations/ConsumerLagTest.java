package io.gpconnect.launcher.operations;

import io.gpconnect.kafka.embedded.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Waiting for a group to catch up with what a topic held: what a restarted engine does before it opens. */
class ConsumerLagTest {
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.startTemporary();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void aGroupIsCaughtUpOnlyOnceItHasCommittedPastEveryRecordThere() throws Exception {
        String topic = "lag-test";
        createTopic(topic, 2);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, 0, "k", "a")).get();
            producer.send(new ProducerRecord<>(topic, 0, "k", "b")).get();
            producer.send(new ProducerRecord<>(topic, 1, "k", "c")).get();
        }
        try (ConsumerLag lag = new ConsumerLag(kafka.bootstrapServers())) {
            assertThat(lag.awaitCaughtUp("never-read", topic, Duration.ofMillis(300))).as("a group that never committed").isFalse();

            commit("reader", Map.of(new TopicPartition(topic, 0), 2L));
            assertThat(lag.awaitCaughtUp("reader", topic, Duration.ofMillis(300))).as("partition 1 not yet read").isFalse();

            commit("reader", Map.of(new TopicPartition(topic, 0), 2L, new TopicPartition(topic, 1), 1L));
            assertThat(lag.awaitCaughtUp("reader", topic, Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void nothingToReadIsCaughtUpAtOnce() throws Exception {
        createTopic("lag-empty", 3);
        try (ConsumerLag lag = new ConsumerLag(kafka.bootstrapServers())) {
            assertThat(lag.awaitCaughtUp("new-group", "lag-empty", Duration.ZERO)).isTrue();
        }
    }

    private static void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
    }

    private static void commit(String group, Map<TopicPartition, Long> offsets) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group), new StringDeserializer(), new StringDeserializer())) {
            consumer.commitSync(offsets.entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue()))));
        }
    }
}
