package io.gpconnect.topics;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import java.util.Map;

/**
 * A smaller RocksDB footprint per store. By default each store instance (one per store and partition: sixty
 * across the processor and the views) gets its own 50 MB block cache and up to three 16 MB memtables, so a
 * burst of bookings grew the engine's resident memory past 2 GB, beyond the heap. Here all stores share one
 * block cache and each keeps at most two 2 MB memtables (240 MB at worst across sixty stores). With 4 MB ones
 * and a 1 GB heap, `serve` under the benchmark's 1,000 practices peaked at 1.7 GB resident; with 2 MB ones and a
 * 768 MB heap at 1.37 GB, for some 14% fewer decisions a second. (Charging memtables to the cache through a
 * write buffer manager, the stricter Kafka Streams recipe, made sixty stores flush tiny files continually and
 * cut the decision rate several times over, so it is not used.)
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
    static final long BLOCK_CACHE_BYTES = 64L * 1024 * 1024;
    private static final long MEMTABLE_BYTES = 2L * 1024 * 1024;
    /**
     * How many flushed files a store gathers before RocksDB compacts them (its default is 4). Our small memtables
     * flush often, and with the default the compaction threads were the fifth-largest CPU user under load. More
     * files make range scans merge more of them, so an application sets this only for stores it reads by key.
     */
    public static final String LEVEL0_COMPACTION_TRIGGER_CONFIG = "gpconnect.rocksdb.level0.file.num.compaction.trigger";

    // static: shared by every store of the process, and never closed while the process runs
    private static final Cache CACHE;

    static {
        RocksDB.loadLibrary(); // the native side must be loaded before the first RocksDB object is made
        CACHE = new LRUCache(BLOCK_CACHE_BYTES);
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        options.setTableFormatConfig(table);
        options.setWriteBufferSize(MEMTABLE_BYTES);
        options.setMaxWriteBufferNumber(2);
        Object trigger = configs.get(LEVEL0_COMPACTION_TRIGGER_CONFIG);
        if (trigger != null) {
            options.setLevel0FileNumCompactionTrigger(Integer.parseInt(trigger.toString()));
        }
    }

    @Override
    public void close(String storeName, Options options) {
        // the shared cache outlives any one store
    }
}
