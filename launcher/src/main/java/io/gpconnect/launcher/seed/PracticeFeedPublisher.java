package io.gpconnect.launcher.seed;

import io.gpconnect.schemas.feed.PracticeFeedRecord;
import io.gpconnect.topics.EngineSettings;
import io.gpconnect.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Publishes to gpc.practice.feed as a practice system would: through the topic, never into the views. A batch is
 * published when the broker has acknowledged every record of it; anything less is a {@link FeedNotPublishedException}.
 */
public final class PracticeFeedPublisher implements AutoCloseable {
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final KafkaProducer<String, PracticeFeedRecord> producer;

    /** With the Kafka client's own timeouts (a minute to find the topic, two to deliver), as the engine's seeding wants. */
    public PracticeFeedPublisher(EngineSettings settings) {
        this(settings, null);
    }

    /**
     * Gives up on Kafka after {@code patience}: an operator's command must say Kafka is out of reach, not wait out
     * the client's minute once per record.
     */
    public PracticeFeedPublisher(EngineSettings settings, Duration patience) {
        Map<String, Object> conf = new HashMap<>(settings.serdes().serdeConfig());
        conf.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        conf.put(ProducerConfig.ACKS_CONFIG, "all");
        conf.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        conf.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        if (patience != null) {
            int millis = (int) patience.toMillis();
            conf.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
            conf.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
            conf.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis + 5); // at least linger + request timeout
        }
        this.producer = new KafkaProducer<>(conf, new StringSerializer(),
                settings.serdes().<PracticeFeedRecord>valueSerde().serializer());
    }

    /**
     * Returns once every record is on the broker. Stops at the first send that has already failed (no metadata in
     * time, a schema the registry refused), since the records after it would each wait out the same timeout.
     */
    public void publish(String practiceOds, List<PracticeFeedRecord> records) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
        for (PracticeFeedRecord r : records) {
            Future<RecordMetadata> send;
            try {
                send = producer.send(new ProducerRecord<>(Topics.PRACTICE_FEED.name(), practiceOds, r));
            } catch (RuntimeException e) {
                throw notPublished(sends, e);
            }
            sends.add(send);
            if (send.isDone()) {
                throwIfFailed(sends, send);
            }
        }
        producer.flush();
        for (Future<RecordMetadata> send : sends) {
            throwIfFailed(sends, send);
        }
    }

    private void throwIfFailed(List<Future<RecordMetadata>> sends, Future<RecordMetadata> send) {
        Throwable failed = failure(send);
        if (failed != null) {
            throw notPublished(sends, failed);
        }
    }

    private FeedNotPublishedException notPublished(List<Future<RecordMetadata>> sends, Throwable cause) {
        producer.flush(); // what was sent before the failure settles, so the count below is what the broker holds
        int published = 0;
        for (Future<RecordMetadata> send : sends) {
            if (failure(send) == null) {
                published++;
            }
        }
        return new FeedNotPublishedException(published, cause);
    }

    /** Only for a completed send (after flush, or isDone). */
    private static Throwable failure(Future<RecordMetadata> send) {
        try {
            send.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    @Override
    public void close() {
        producer.close(CLOSE_WAIT);
    }
}
