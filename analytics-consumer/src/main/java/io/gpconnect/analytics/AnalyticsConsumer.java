package io.gpconnect.analytics;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.schemas.slot.SlotAvailabilityChanged;
import io.gpconnect.topics.AvroSerdes;
import io.gpconnect.topics.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Reads gpc.appointment.events and gpc.slot.availability as any outside consumer would: by topic name, with
 * the value schemas fetched from the registry (Apicurio's deserializer, specific records) and
 * {@code read_committed}, because the slot projection writes both topics in Kafka transactions and an aborted
 * decision must never be counted.
 *
 * <p>No consumer group: the figures live in memory, so committed offsets would only skip records whose
 * figures were lost with the previous process. Partitions are assigned directly and read from a chosen point.
 */
public final class AnalyticsConsumer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AnalyticsConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<String, SpecificRecord> consumer;
    private final AppointmentAnalytics analytics;

    /**
     * @param eventsFromBeginning read every decision ever made; otherwise only decisions from now on. Slot
     *                            availability is always read whole: utilisation needs every slot's latest state.
     */
    public AnalyticsConsumer(String bootstrapServers, String registryUrl, boolean eventsFromBeginning,
                             AppointmentAnalytics analytics) {
        this.analytics = analytics;
        Map<String, Object> config = new HashMap<>(new AvroSerdes(registryUrl).serdeConfig());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "gpconnect-analytics");
        AvroKafkaDeserializer<SpecificRecord> values = new AvroKafkaDeserializer<>();
        values.configure(config, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        try {
            List<TopicPartition> events = partitionsOf(Topics.APPOINTMENT_EVENTS.name());
            List<TopicPartition> availability = partitionsOf(Topics.SLOT_AVAILABILITY.name());
            List<TopicPartition> all = new ArrayList<>(events);
            all.addAll(availability);
            consumer.assign(all);
            consumer.seekToBeginning(availability);
            if (eventsFromBeginning) {
                consumer.seekToBeginning(events);
            } else {
                consumer.seekToEnd(events);
            }
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /**
     * Reads until every partition is at the end it had when this was called: the figures then cover all
     * records committed before the call.
     *
     * @return false when the timeout passed first
     */
    public boolean readToEnd(Duration timeout) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                return true;
            }
            pollOnce();
        }
        return false;
    }

    /**
     * Keeps reading until {@link #stop()} is called from another thread; after every poll,
     * {@code afterPoll} is told how many records it applied.
     */
    public void follow(IntConsumer afterPoll) {
        try {
            while (true) {
                afterPoll.accept(pollOnce());
            }
        } catch (WakeupException stopped) {
            // stop() was called: the normal way out.
        }
    }

    /** The one method that may be called from another thread. */
    public void stop() {
        consumer.wakeup();
    }

    private int pollOnce() {
        ConsumerRecords<String, SpecificRecord> records;
        try {
            records = consumer.poll(POLL);
        } catch (RecordDeserializationException e) {
            // One unreadable record (say, a schema this build does not know) must not stop the figures.
            log.warn("Skipping unreadable record at {} offset {}: {}", e.topicPartition(), e.offset(), e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
            return 0;
        }
        for (ConsumerRecord<String, SpecificRecord> r : records) {
            if (r.value() instanceof AppointmentEvent event) {
                analytics.onEvent(r.key(), event);
            } else if (r.value() instanceof SlotAvailabilityChanged change) {
                analytics.onSlotChange(r.key(), change);
            }
        }
        return records.count();
    }

    private List<TopicPartition> partitionsOf(String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (partitions == null || partitions.isEmpty()) {
            throw new IllegalStateException("Topic " + topic + " does not exist: is the engine running against this cluster?");
        }
        return partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
