package io.gpconnect.commands;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The stages of a command's wait follow one another, from three clocks' readings. */
class CommandTimingTest {
    private static final Instant ISSUED = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void eachStageStartsWhereThePreviousEnded() {
        CommandTiming timing = CommandTiming.of(ISSUED, Duration.ofMillis(6), ISSUED.plusMillis(10), ISSUED.plusMillis(31),
                Duration.ofMillis(33));

        assertThat(timing.appended()).isEqualTo(Duration.ofMillis(6));
        assertThat(timing.queued()).as("acknowledged at 6 ms, decided at 10").isEqualTo(Duration.ofMillis(4));
        assertThat(timing.published()).isEqualTo(Duration.ofMillis(21));
        assertThat(timing.answered()).isEqualTo(Duration.ofMillis(33));
    }

    @Test
    void aDecisionSeenBeforeItsAcknowledgementQueuedNoTime() {
        CommandTiming timing = CommandTiming.of(ISSUED, Duration.ofMillis(6), ISSUED.plusMillis(5), ISSUED.plusMillis(12),
                Duration.ofMillis(13));

        assertThat(timing.queued()).isZero();
        assertThat(timing.published()).isEqualTo(Duration.ofMillis(7));
    }

    @Test
    void issueTimeCountsInWholeMillisecondsLikeTheDecisionTime() {
        CommandTiming timing = CommandTiming.of(ISSUED.plusNanos(900_000), Duration.ofMillis(2), ISSUED.plusMillis(10),
                ISSUED.plusMillis(12), Duration.ofMillis(13));

        assertThat(timing.queued()).isEqualTo(Duration.ofMillis(8));
    }

    @Test
    void aDecisionWithoutItsTimeLeavesTheStagesAroundItUnknown() {
        CommandTiming timing = CommandTiming.of(ISSUED, Duration.ofMillis(6), null, ISSUED.plusMillis(31), Duration.ofMillis(33));

        assertThat(timing.queued()).isNull();
        assertThat(timing.published()).isNull();
        assertThat(timing.appended()).isEqualTo(Duration.ofMillis(6));
    }

    @Test
    void aTimeoutHasOnlyItsWholeWait() {
        CommandTiming timing = CommandTiming.of(ISSUED, null, null, null, Duration.ofSeconds(10));

        assertThat(timing).isEqualTo(new CommandTiming(null, null, null, Duration.ofSeconds(10)));
    }

    @Test
    void clocksOutOfStepGiveNoSpanRatherThanANegativeOne() {
        CommandTiming timing = CommandTiming.of(ISSUED, Duration.ofMillis(6), ISSUED.minusMillis(40), ISSUED.minusMillis(45),
                Duration.ofMillis(20));

        assertThat(timing.queued()).isNull();
        assertThat(timing.published()).isNull();
    }
}
