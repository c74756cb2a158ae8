package io.gpconnect.bench.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Every run stops by itself: at its count or at its time, whichever comes first. */
class PacingTest {

    @Test
    void aClosedLoopStopsAtItsCount() {
        Pacing p = Pacing.closed(Duration.ofMinutes(1), 3);
        assertThat(p.next()).isPositive();
        assertThat(p.next()).isPositive();
        assertThat(p.next()).isPositive();
        assertThat(p.next()).isEqualTo(-1);
    }

    @Test
    void anOpenLoopSpacesArrivalsAndStopsAtItsTime() {
        Pacing p = Pacing.open(100, Duration.ofMillis(200), 1_000);
        long first = p.next();
        long second = p.next();
        assertThat(second - first).isEqualTo(10_000_000L);
        int more = 0;
        while (p.next() >= 0) {
            more++;
        }
        assertThat(more).isBetween(15, 18);
    }
}
