package io.gpconnect.kafka.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedKafkaTest {

    @TempDir
    Path dir;

    @Test
    void committedTransactionalRecordsSurviveARestartOfTheBroker() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(Set.of(new NewTopic("t", 1, (short) 1))).all().get();
            }
            try (var producer = new KafkaProducer<>(Map.of(
                    "bootstrap.servers", kafka.bootstrapServers(), "transactional.id", "tx-test"),
                    new StringSerializer(), new StringSerializer())) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("t", "k", "committed"));
                producer.commitTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("t", "k", "aborted"));
                producer.flush();
                producer.abortTransaction();
            }
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0)) {
            assertThat(readAll(kafka)).containsExactly("committed");
        }
    }

    @Test
    void aStoppedBrokerComesBackOnTheSamePortWithItsData() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0)) {
            String address = kafka.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", address))) {
                admin.createTopics(Set.of(new NewTopic("t", 1, (short) 1))).all().get();
            }
            // One producer across the outage: a client given the old address must find the broker again.
            try (var producer = new KafkaProducer<>(Map.of("bootstrap.servers", address, "delivery.timeout.ms", "60000"),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("t", "k", "before")).get();
                kafka.stop();
                assertThat(kafka.isRunning()).isFalse();
                // Sent from another thread: with the broker gone, send() itself may block on metadata until the
                // broker is back, and the broker only comes back once this thread restarts it.
                var during = java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> producer.send(new ProducerRecord<>("t", "k", "during")));
                kafka.restart();
                assertThat(kafka.bootstrapServers()).isEqualTo(address);
                during.get().get();
            }
            assertThat(readAll(kafka)).containsExactly("before", "during");
        }
    }

    @Test
    void theBrokerHasNoMoreRequestThreadsThanTheMachineHasCores() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0);
             Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
            Config config = admin.describeConfigs(Set.of(broker)).all().get().get(broker);
            int io = Integer.parseInt(config.get("num.io.threads").value());
            int network = Integer.parseInt(config.get("num.network.threads").value());
            assertThat(io).isBetween(2, Math.max(2, Math.min(8, cores)));
            assertThat(network).isBetween(1, Math.max(1, Math.min(3, cores / 2)));
        }
    }

    private static List<String> readAll(EmbeddedKafka kafka) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(), "group.id", "g", "auto.offset.reset", "earliest",
                "isolation.level", "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("t"));
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                records.forEach(r -> values.add(r.value()));
                if (!values.isEmpty() && records.isEmpty()) {
                    break;
                }
            }
        }
        return values;
    }
}
