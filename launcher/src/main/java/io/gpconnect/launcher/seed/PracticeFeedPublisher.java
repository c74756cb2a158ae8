package io.gpconnect.launcher.seed;

import io.gpconnect.schemas.feed.PracticeFeedRecord;
import io.gpconnect.topics.EngineSettings;
import io.gpconnect.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Publishes to gpc.practice.feed as a practice system would: through the topic, never into the views. */
public final class PracticeFeedPublisher implements AutoCloseable {
    private final KafkaProducer<String, PracticeFeedRecord> producer;

    public PracticeFeedPublisher(EngineSettings settings) {
        Map<String, Object> conf = new HashMap<>(settings.serdes().serdeConfig());
        conf.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        conf.put(ProducerConfig.ACKS_CONFIG, "all");
        conf.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        conf.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        this.producer = new KafkaProducer<>(conf, new StringSerializer(),
                settings.serdes().<PracticeFeedRecord>valueSerde().serializer());
    }

    public void publish(String practiceOds, List<PracticeFeedRecord> records) {
        for (PracticeFeedRecord r : records) {
            producer.send(new ProducerRecord<>(Topics.PRACTICE_FEED.name(), practiceOds, r));
        }
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
