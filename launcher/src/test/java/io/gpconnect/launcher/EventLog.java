package io.gpconnect.launcher;

import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.topics.EngineSettings;
import io.gpconnect.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every committed decision on gpc.appointment.events, read as an analytics consumer would. */
final class EventLog {
    private EventLog() {
    }

    /**
     * The decisions on the topic for one command, read again every 200 ms until there are {@code count} of them
     * or {@code patience} has passed: a decision is readable only once its transaction commits.
     */
    static List<AppointmentEvent> answersTo(EngineSettings settings, String commandId, int count, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<AppointmentEvent> answers = readAll(settings).stream().filter(e -> commandId.equals(e.getCommandId())).toList();
            if (answers.size() >= count || System.nanoTime() > deadline) {
                return answers;
            }
            Thread.sleep(200);
        }
    }

    static List<AppointmentEvent> readAll(EngineSettings settings) {
        Map<String, Object> conf = new HashMap<>(settings.serdes().serdeConfig());
        conf.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        conf.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        conf.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<AppointmentEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, AppointmentEvent> consumer = new KafkaConsumer<>(conf, new StringDeserializer(),
                settings.serdes().<AppointmentEvent>valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.APPOINTMENT_EVENTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 60_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> events.add(r.value()));
            }
        }
        return events;
    }
}
