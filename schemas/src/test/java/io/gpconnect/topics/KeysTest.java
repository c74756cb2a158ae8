package io.gpconnect.topics;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class KeysTest {
    @Test
    void everyArityJoinsItsPartsWithTheSeparator() {
        assertThat(Keys.of("A20047", "slot-1")).isEqualTo("A20047|slot-1");
        assertThat(Keys.of("A20047", "9000000009", "000001767225600000")).isEqualTo("A20047|9000000009|000001767225600000");
        assertThat(Keys.of("A20047", "p1", "t", "a1")).isEqualTo("A20047|p1|t|a1");
        assertThat(Keys.of("A20047", "p1", "t", "a1", "x")).isEqualTo("A20047|p1|t|a1|x");
    }

    @Test
    void timesSortAsStringsInTimeOrder() {
        String earlier = Keys.time(Instant.parse("2026-12-05T09:00:00Z"));
        String later = Keys.time(Instant.parse("2027-01-05T09:00:00Z"));

        assertThat(earlier).hasSize(15).isLessThan(later);
        assertThat(Keys.of("A20047", earlier)).isLessThan(Keys.prefixEnd("A20047"));
    }

    @Test
    void aPracticeMapsToThePartitionTheProducerGivesItsRecords() {
        try (StringSerializer keys = new StringSerializer()) {
            for (int i = 0; i < 1000; i++) {
                String ods = "P" + i;
                for (int partitions : new int[]{1, 6, 12}) {
                    assertThat(Keys.partition(ods, partitions))
                            .isEqualTo(BuiltInPartitioner.partitionForKey(keys.serialize("t", ods), partitions));
                }
            }
        }
    }
}
