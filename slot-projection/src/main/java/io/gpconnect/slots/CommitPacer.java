package io.gpconnect.slots;

/**
 * When the processor's transaction should commit. A decision is visible only once its transaction commits, so
 * while the processor keeps up it asks for a commit every {@code intervalMs} (the booking latency floor). Each
 * commit has a fixed cost, though: a produce to every partition written, the transaction markers, the offsets,
 * and a wake-up of every reader (./gpconnect bench, kafka phase: about 12 ms of engine CPU a commit; 0.27 ms of
 * engine CPU per decision at 20 ms commits against 0.18 at 100 ms). When commands have queued longer than the
 * long interval before being decided, the processor is saturated: committing sooner cannot make their answers
 * earlier, it only spends CPU the backlog needs, so the pacer stops asking and Kafka Streams commits at its own,
 * longer {@code commit.interval.ms} ({@link #BACKLOG_INTERVAL_MS}). Once the queue is gone it asks again at the
 * short interval. A shorter wait does not count as a backlog: on a busy machine commands at 500 a second waited
 * over 20 ms now and then, and treating that as a backlog took the median booking from 26-48 ms to 95-120.
 *
 * <p>"Queued" is judged from the command's record timestamp (its producer's clock), so clocks out by more than
 * the long interval make the processor commit at that interval: answers slower by at most that, never wrong.
 */
final class CommitPacer {
    /** The commit interval while commands queue: Kafka Streams' own default under exactly-once. */
    static final long BACKLOG_INTERVAL_MS = 100;

    private final long intervalMs;
    private long lastAskedMs;
    private boolean pending;
    private boolean queued;
    private boolean decidedSinceCheck;

    CommitPacer(long intervalMs) {
        this.intervalMs = intervalMs;
    }

    long intervalMs() {
        return intervalMs;
    }

    /** Kafka Streams' commit.interval.ms: the longest a decision waits for its commit, backlog or not. */
    static long streamsCommitIntervalMs(long intervalMs) {
        return Math.max(intervalMs, BACKLOG_INTERVAL_MS);
    }

    /**
     * A command was decided at {@code nowMs}; it was sent at {@code sentMs}.
     *
     * @return whether to ask for a commit now
     */
    boolean decided(long nowMs, long sentMs) {
        pending = true;
        decidedSinceCheck = true;
        queued = nowMs - sentMs > streamsCommitIntervalMs(intervalMs);
        return due(nowMs);
    }

    /**
     * A periodic check between records. A check that finds no decision since the previous one means the queue
     * has drained, so the last decisions of a backlog do not wait for the long interval.
     *
     * @return whether to ask for a commit now
     */
    boolean check(long nowMs) {
        if (!decidedSinceCheck) {
            queued = false;
        }
        decidedSinceCheck = false;
        return due(nowMs);
    }

    private boolean due(long nowMs) {
        if (!pending || queued || nowMs - lastAskedMs < intervalMs) {
            return false;
        }
        pending = false;
        lastAskedMs = nowMs;
        return true;
    }
}
