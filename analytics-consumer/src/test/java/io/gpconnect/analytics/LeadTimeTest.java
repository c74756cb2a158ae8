package io.gpconnect.analytics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LeadTimeTest {

    @Test
    void noBookingsHaveNoLeadTimeRatherThanZero() {
        assertThat(LeadTime.of(List.of())).isEmpty();
    }

    @Test
    void medianOfAnOddCountIsTheMiddleOne() {
        LeadTime l = LeadTime.of(List.of(Duration.ofHours(10), Duration.ofHours(1), Duration.ofHours(4))).orElseThrow();
        assertThat(l.median()).isEqualTo(Duration.ofHours(4));
        assertThat(l.mean()).isEqualTo(Duration.ofHours(5));
    }

    @Test
    void medianOfAnEvenCountIsHalfwayBetweenTheMiddleTwo() {
        LeadTime l = LeadTime.of(List.of(Duration.ofDays(7), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(2)))
                .orElseThrow();
        assertThat(l.median()).isEqualTo(Duration.ofMinutes(150));
        assertThat(l.mean()).isEqualTo(Duration.ofHours(7 * 24 + 6).dividedBy(4));
    }
}
