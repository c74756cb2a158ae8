package io.gpconnect.slots;

/**
 * When the processor's transaction should commit. A decision is visible only once its transaction commits, so
 * while the processor keeps up it asks for a commit every {@code intervalMs} (the booking latency floor). Each
 * commit has a fixed cost, though: a produce to every partition written, the transaction markers, the offsets,
 * and a wake-up of every reader (./gpconnect bench, kafka phase: about 12 ms of engine CPU a commit; 0.27 ms of
 * engine CPU per decision at 20 ms commits against 0.18 at 100 ms). When commands have queued over a second
 * ({@link #BACKLOG_MS}) before being decided, the processor is saturated: committing sooner cannot make their
 * answers much earlier, it only spends CPU the backlog needs. So it commits once every tenth of the wait (so at
 * least every 100 ms; at most every {@link #LONGEST_INTERVAL_MS}), adding at most a tenth to waits already that
 * long. The first command decided after under a second sets it back to the short interval, and
 * the periodic {@link #check} commits the last decisions of a backlog within a tenth of their wait. Shorter waits
 * do not count: on a busy machine commands at 500 a second wait 100 ms now and then, and slowing the commits
 * then only grew the tail.
 *
 * <p>One pacer serves a stream thread: under exactly_once_v2 a thread's tasks share one transaction, so a
 * commit asked for by any task commits them all. A pacer per task made six tasks ask on six cadences, which
 * committed far more often than the interval and doubled the median booking at 500 a second.
 *
 * <p>"Queued" is judged from the command's record timestamp (its producer's clock, the facade's in the same
 * service), so a producer clock behind by more than a second makes the processor commit less often, by a tenth
 * of the skew and never less than once a second: answers slower by at most that, never wrong.
 */
final class CommitPacer {
    /** The longest commit interval: a transaction of a second of decisions (tens of thousands of records) is still small. */
    static final long LONGEST_INTERVAL_MS = 1_000;
    /** How long commands must have waited to be decided for the processor to count as saturated. */
    static final long BACKLOG_MS = 1_000;

    private final long intervalMs;
    private long lastAskedMs;
    private boolean pending;
    /** How long the last decided command had waited to be decided. */
    private long waitedMs;

    CommitPacer(long intervalMs) {
        this.intervalMs = intervalMs;
    }

    /** One pacer for each stream thread that asks for it (see the class comment). */
    static ThreadLocal<CommitPacer> perThread(long intervalMs) {
        return ThreadLocal.withInitial(() -> new CommitPacer(intervalMs));
    }

    /** How often to {@link #check}: a few times an interval. */
    long checkEveryMs() {
        return Math.max(1, intervalMs / 4);
    }

    /**
     * Kafka Streams' commit.interval.ms: the pacer asks for every commit, so Kafka Streams' own interval is only
     * the longest the pacer may wait.
     */
    static long streamsCommitIntervalMs(long intervalMs) {
        return Math.max(intervalMs, LONGEST_INTERVAL_MS);
    }

    /**
     * A command was decided at {@code nowMs}; it was sent at {@code sentMs}.
     *
     * @return whether to ask for a commit now
     */
    boolean decided(long nowMs, long sentMs) {
        pending = true;
        waitedMs = nowMs - sentMs;
        return due(nowMs);
    }

    /**
     * A periodic check between records, so that a decision with no command after it is committed on time. Every
     * task of the thread runs it, one after another, and Kafka Streams ignores a commit asked for by a task with
     * nothing to commit: so once a commit is due, every task checking in the same millisecond asks, and the one
     * holding the decision is among them. A pause between records is no sign that a backlog is over (the thread
     * pauses to commit and to poll; taking it for one made every commit in a backlog followed by another 20 ms
     * later), so the check keeps the backlog's interval.
     *
     * @return whether to ask for a commit now
     */
    boolean check(long nowMs) {
        return due(nowMs) || nowMs - lastAskedMs <= 1;
    }

    /** The interval the last decision calls for: the short one, or a tenth of a wait over a second. */
    private long currentIntervalMs() {
        if (waitedMs <= BACKLOG_MS) {
            return intervalMs;
        }
        return Math.max(intervalMs, Math.min(LONGEST_INTERVAL_MS, waitedMs / 10));
    }

    private boolean due(long nowMs) {
        if (!pending || nowMs - lastAskedMs < currentIntervalMs()) {
            return false;
        }
        pending = false;
        lastAskedMs = nowMs;
        return true;
    }
}
