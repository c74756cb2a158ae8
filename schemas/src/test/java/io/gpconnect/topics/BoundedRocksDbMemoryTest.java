package io.gpconnect.topics;

import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedRocksDbMemoryTest {

    @Test
    void compactsAfterMoreFlushedFilesOnlyWhereTheApplicationAsks() {
        BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
        try (Options rocksDbDefaults = new Options(); Options views = options(); Options projection = options()) {
            setter.setConfig("free-slots-by-start", views, Map.of());
            setter.setConfig("slots", projection, Map.of(BoundedRocksDbMemory.LEVEL0_COMPACTION_TRIGGER_CONFIG, "10"));

            assertThat(views.level0FileNumCompactionTrigger()).isEqualTo(rocksDbDefaults.level0FileNumCompactionTrigger());
            assertThat(projection.level0FileNumCompactionTrigger()).isEqualTo(10);
            assertThat(projection.writeBufferSize()).isEqualTo(views.writeBufferSize()).isEqualTo(2L * 1024 * 1024);
        }
    }

    /** As Kafka Streams hands them to the setter: with a block-based table config already in place. */
    private static Options options() {
        Options options = new Options();
        options.setTableFormatConfig(new BlockBasedTableConfig());
        return options;
    }
}
