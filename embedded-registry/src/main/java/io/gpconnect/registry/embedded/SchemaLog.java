package io.gpconnect.registry.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The registry's durable state: a single-partition compacted topic with one record per artifact version, keyed
 * by globalId. Keys are never reused, so compaction never drops a version; it only keeps the topic exempt from
 * time-based retention. Not thread-safe: {@link SchemaStore} serialises every call.
 */
final class SchemaLog implements AutoCloseable {
    static final String TOPIC = "_gpconnect-schemas";

    private static final Logger log = LoggerFactory.getLogger(SchemaLog.class);
    private static final String KEY_PREFIX = "version:";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TopicPartition partition = new TopicPartition(TOPIC, 0);
    private final ObjectMapper json = new ObjectMapper();
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;

    SchemaLog(String bootstrapServers) {
        ensureTopic(bootstrapServers);
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "gpconnect-schema-registry-reader",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // The broker answers a connection's requests in order: a fetch left parked for the default
                // 500 ms would hold up the endOffsets call that starts every registration.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
                new StringDeserializer(), new ByteArrayDeserializer());
        // Assigned, not subscribed: every registry instance reads the whole log and commits nothing.
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        producer = createProducer(bootstrapServers);
    }

    private KafkaProducer<String, byte[]> createProducer(String bootstrapServers) {
        try {
            return new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.CLIENT_ID_CONFIG, "gpconnect-schema-registry-writer",
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 0,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, TIMEOUT.toMillis()),
                    new StringSerializer(), new ByteArraySerializer());
        } catch (RuntimeException e) {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            throw e;
        }
    }

    /** Feeds every record not yet read, up to the current end of the topic, to {@code apply}. */
    void catchUp(Consumer<StoredVersion> apply) {
        long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (consumer.position(partition, TIMEOUT) < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out reading " + TOPIC + " up to offset " + end);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                StoredVersion version = decode(record);
                if (version != null) {
                    apply.accept(version);
                }
            }
        }
    }

    /** Returns only once the broker has the record on all in-sync replicas. */
    void append(StoredVersion version) {
        byte[] value;
        try {
            value = json.writeValueAsBytes(version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            producer.send(new ProducerRecord<>(TOPIC, KEY_PREFIX + version.globalId(), value))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted writing to " + TOPIC, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not write schema version to " + TOPIC, e);
        }
    }

    private StoredVersion decode(ConsumerRecord<String, byte[]> record) {
        // Other key kinds and tombstones are left for future formats, not treated as corruption.
        if (record.key() == null || !record.key().startsWith(KEY_PREFIX) || record.value() == null) {
            return null;
        }
        try {
            return json.readValue(record.value(), StoredVersion.class);
        } catch (IOException e) {
            log.warn("Skipping unreadable record at {}@{}: {}", TOPIC, record.offset(), e.getMessage());
            return null;
        }
    }

    private static void ensureTopic(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            int brokers = admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            short replicas = (short) Math.max(1, Math.min(3, brokers));
            NewTopic topic = new NewTopic(TOPIC, 1, replicas)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                admin.createTopics(List.of(topic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                log.info("Created schema topic {} (1 partition, replication {}, compacted)", TOPIC, replicas);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                warnIfNotCompacted(admin);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted preparing " + TOPIC, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not prepare schema topic " + TOPIC + " on " + bootstrapServers, e);
        }
    }

    private static void warnIfNotCompacted(Admin admin) throws InterruptedException, ExecutionException,
            TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
        var config = admin.describeConfigs(List.of(resource)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .get(resource).get(TopicConfig.CLEANUP_POLICY_CONFIG);
        if (config == null || !config.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            log.warn("Schema topic {} exists without cleanup.policy=compact; old schemas may be deleted by retention",
                    TOPIC);
        }
    }

    @Override
    public void close() {
        try {
            producer.close(Duration.ofSeconds(5));
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }
}
