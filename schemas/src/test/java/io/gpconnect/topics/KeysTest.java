package io.gpconnect.topics;

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
}
