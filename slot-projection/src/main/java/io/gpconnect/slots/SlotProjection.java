package io.gpconnect.slots;

import io.gpconnect.schemas.slot.SlotState;
import io.gpconnect.topics.BoundedRocksDbMemory;
import io.gpconnect.topics.EngineSettings;
import io.gpconnect.topics.Keys;
import io.gpconnect.topics.ReplaceFailedThread;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/** The running decision processor: one Kafka Streams application under exactly_once_v2. */
public final class SlotProjection implements AutoCloseable {
    public static final String APPLICATION_ID = "gpconnect-slot-projection";
    /** The exactly-once producer's first retry (it backs off exponentially from here, up to a second). */
    static final int RETRY_BACKOFF_MS = 10;

    private final KafkaStreams streams;
    private final int partitions;

    public SlotProjection(EngineSettings settings) {
        this(settings, StreamsConfig.EXACTLY_ONCE_V2);
    }

    /**
     * @param processingGuarantee exactly_once_v2 in every real deployment; at_least_once only to measure what
     *                            exactly-once costs (./gpconnect bench), since it gives up "one outcome per command"
     */
    public SlotProjection(EngineSettings settings, String processingGuarantee) {
        this.streams = new KafkaStreams(SlotProjectionTopology.build(settings.serdes(), settings.commitIntervalMs()),
                properties(settings, processingGuarantee));
        streams.setUncaughtExceptionHandler(new ReplaceFailedThread(APPLICATION_ID));
        this.partitions = settings.partitions();
    }

    static Properties properties(EngineSettings settings, String processingGuarantee) {
        Properties p = settings.streamsProperties(APPLICATION_ID);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        // The processor asks for its commits (CommitPacer); Kafka Streams' own interval is only the longest wait.
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(CommitPacer.streamsCommitIntervalMs(settings.commitIntervalMs())));
        // The transaction that makes decisions visible is committed only between polls, and a poll with no new
        // command waits poll.ms (100 ms by default). Every waiting booking was held that long: clients stop
        // sending while they wait, so the poll found nothing and a decision sat uncommitted for the full
        // 100 ms. Polling no longer than the commit interval bounds that wait by the interval.
        p.put(StreamsConfig.POLL_MS_CONFIG, String.valueOf(Math.max(1, Math.min(100, settings.commitIntervalMs()))));
        // Decisions become visible only when the transaction commits, and a commit flushes the producer. With no
        // linger each decision went out as its own small produce request per partition (event, availability,
        // changelogs): most of the broker's work under load. Lingering the whole commit interval instead made every
        // commit wait for one big produce round trip before it could end the transaction; 5 ms batches nearly as
        // well and leaves little to flush (./gpconnect bench, 100 bookings/s: p50 20 → 17 ms, p99 45 → 39 ms).
        if (StreamsConfig.EXACTLY_ONCE_V2.equals(processingGuarantee)) {
            p.put(StreamsConfig.producerPrefix("linger.ms"), String.valueOf(Math.min(5, settings.commitIntervalMs())));
            p.put(StreamsConfig.producerPrefix("batch.size"), String.valueOf(256 * 1024));
            // A transaction's first requests often reach the coordinator while it is still writing the previous
            // one's commit markers, and are refused with CONCURRENT_TRANSACTIONS until it is done (a few ms): at 500
            // bookings/s the broker refused the offsets of about one commit in six. The producer retries after
            // retry.backoff.ms, 100 ms by default, and every decision of that commit waited it out: the booking tail.
            p.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), String.valueOf(RETRY_BACKOFF_MS));
        }
        // The projection reads its stores by key (the weekly scan of old command ids aside), so its stores can
        // gather more flushed files before compacting: compaction CPU per decision 12.5 → 7.6 µs (./gpconnect
        // bench kafka phase, settled engine, both applications' stores at 10), no change seen in read cost.
        p.put(BoundedRocksDbMemory.LEVEL0_COMPACTION_TRIGGER_CONFIG, "10");
        return p;
    }

    public SlotProjection start() {
        streams.start();
        return this;
    }

    public KafkaStreams streams() {
        return streams;
    }

    /**
     * The slot as the processor holds it now (an interactive query on its store; empty when it holds none), for
     * start-up checks. Throws {@link org.apache.kafka.streams.errors.InvalidStateStoreException} while the store
     * cannot be queried (starting, restoring, rebalancing).
     */
    public Optional<SlotState> slot(String ods, String slotId) {
        ReadOnlyKeyValueStore<String, SlotState> slots = streams.store(StoreQueryParameters
                .fromNameAndType(SlotStores.SLOTS, QueryableStoreTypes.<String, SlotState>keyValueStore())
                .withPartition(Keys.partition(ods, partitions)));
        return Optional.ofNullable(slots.get(SlotStores.slotKey(ods, slotId)));
    }

    /** Leaves the consumer group on the way out, so a restart is not held up waiting for this member's session to expire. */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
