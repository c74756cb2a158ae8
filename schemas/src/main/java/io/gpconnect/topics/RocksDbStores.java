package io.gpconnect.topics;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.RocksDBStore;

/**
 * Persistent key-value stores: Kafka Streams' own RocksDB store, less one cost per write we never use.
 * <p>
 * A change-logged store asks its RocksDB store for its position (which input offsets it reflects) on every write,
 * and the store answers with a deep copy taken under a lock; the changelog then uses it only when
 * {@code StreamsConfig.IQ_CONSISTENCY_OFFSET_VECTOR_ENABLED} is on (to put it in the record's headers), and only
 * IQv2 queries with position bounds read it otherwise. We query with IQv1 and leave that setting off, so the copy
 * was waste: in a JFR profile of the Kafka command phase, 6% of the decision thread and a tenth of the views'
 * thread. This store reports an empty position instead; it still tracks and checkpoints the real one, so nothing
 * on disk changes.
 */
public final class RocksDbStores {
    /** Kafka Streams' metrics scope for RocksDB key-value stores, so their metrics keep their names. */
    static final String METRICS_SCOPE = "rocksdb";

    private RocksDbStores() {
    }

    /** In place of {@code Stores.persistentKeyValueStore(name)}. */
    public static KeyValueBytesStoreSupplier persistent(String name) {
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new PositionlessRocksDbStore(name);
            }

            @Override
            public String metricsScope() {
                return METRICS_SCOPE;
            }
        };
    }

    /** Not for use with IQv2 position bounds or the consistency vector: both would see an empty position. */
    static final class PositionlessRocksDbStore extends RocksDBStore {
        PositionlessRocksDbStore(String name) {
            super(name, METRICS_SCOPE);
        }

        @Override
        public Position getPosition() {
            return Position.emptyPosition();
        }
    }
}
