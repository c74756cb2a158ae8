package io.gpconnect.slots;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Commits at the short interval while commands are fresh, at a tenth of their wait while they queue over a second. */
class CommitPacerTest {
    private static final long INTERVAL = 20;

    @Test
    void aFreshDecisionAfterAQuietSpellIsCommittedAtOnce() {
        CommitPacer pacer = new CommitPacer(INTERVAL);

        assertThat(pacer.decided(1_000, 998)).isTrue();
    }

    @Test
    void freshDecisionsCommitAtMostOnceAnInterval() {
        CommitPacer pacer = new CommitPacer(INTERVAL);
        assertThat(pacer.decided(1_000, 999)).isTrue();

        assertThat(pacer.decided(1_005, 1_004)).isFalse();
        assertThat(pacer.check(1_010)).isFalse();
        assertThat(pacer.decided(1_019, 1_018)).isFalse();
        assertThat(pacer.check(1_020)).isTrue();
        assertThat(pacer.check(1_045)).as("nothing decided since the last commit").isFalse();
    }

    @Test
    void aDecisionWithNothingAfterItIsCommittedByTheCheck() {
        CommitPacer pacer = committedAt1000();
        assertThat(pacer.decided(1_010, 1_009)).isFalse();

        assertThat(pacer.check(1_015)).isFalse();
        assertThat(pacer.check(1_021)).isTrue();
    }

    @Test
    void queuedCommandsCommitOnceEveryTenthOfTheirWait() {
        CommitPacer pacer = committedAt1000();

        for (long now = 1_021; now < 1_150; now += 5) {
            assertThat(pacer.decided(now, now - 1_500)).as("queued a second and a half, at %d", now).isFalse();
            assertThat(pacer.check(now + 1)).isFalse();
        }
        assertThat(pacer.decided(1_150, 1_150 - 1_500)).isTrue();
        assertThat(pacer.decided(1_600, 1_600 - 5_000)).as("a tenth of five seconds after the last commit").isFalse();
        assertThat(pacer.decided(1_650, 1_650 - 5_000)).isTrue();
    }

    @Test
    void noBacklogHoldsACommitBackMoreThanASecond() {
        CommitPacer pacer = committedAt1000();

        assertThat(pacer.decided(1_999, 1_999 - 60_000)).isFalse();
        assertThat(pacer.decided(2_000, 2_000 - 60_000)).isTrue();
    }

    @Test
    void commandsThatWaitedUnderASecondStillCommitAtTheShortInterval() {
        CommitPacer pacer = committedAt1000();

        assertThat(pacer.decided(1_021, 1_021 - 900)).isTrue();
    }

    @Test
    void theFirstFreshCommandAfterABacklogCommits() {
        CommitPacer pacer = committedAt1000();
        pacer.decided(1_030, -500);

        assertThat(pacer.decided(1_031, 1_025)).isTrue();
    }

    @Test
    void theLastDecisionsOfABacklogAreCommittedByTheCheckATenthOfTheirWaitLater() {
        CommitPacer pacer = committedAt1000();
        assertThat(pacer.decided(1_030, -1_970)).as("queued three seconds").isFalse();

        for (long now = 1_031; now < 1_300; now += 5) {
            assertThat(pacer.check(now)).as("a pause at %d", now).isFalse();
        }
        assertThat(pacer.check(1_300)).isTrue();
    }

    @Test
    void kafkaStreamsOwnIntervalIsTheLongestThePacerWaits() {
        assertThat(CommitPacer.streamsCommitIntervalMs(20)).isEqualTo(CommitPacer.LONGEST_INTERVAL_MS);
        assertThat(CommitPacer.streamsCommitIntervalMs(2_500)).isEqualTo(2_500);
    }

    /** A pacer that has just committed a fresh decision, at 1,000 ms. */
    private static CommitPacer committedAt1000() {
        CommitPacer pacer = new CommitPacer(INTERVAL);
        assertThat(pacer.decided(1_000, 999)).isTrue();
        return pacer;
    }
}
