package io.gpconnect.slots;

/**
 * When the processor's transaction should commit. A decision is visible only once its transaction commits, so
 * while the processor keeps up it asks for a commit every {@code intervalMs} (the booking latency floor). Each
 * commit has a fixed cost, though: a produce to every partition written, the transaction markers, the offsets,
 * and a wake-up of every reader (./gpconnect bench, kafka phase: about 12 ms of engine CPU a commit; 0.27 ms of
 * engine CPU per decision at 20 ms commits against 0.18 at 100 ms). When commands have queued over a second
 * ({@link #BACKLOG_MS}) before being decided, the processor is saturated: committing sooner cannot make their
 * answers much earlier, it only spends CPU the backlog needs, so the pacer stops asking and Kafka Streams commits
 * at its own, longer {@code commit.interval.ms} ({@link #BACKLOG_INTERVAL_MS}), adding at most a tenth to waits
 * already that long. The first command decided after under a second sets it asking again at the short interval;
 * the last decisions of a backlog are committed by Kafka Streams within the long interval. Shorter waits do not count: on a
 * busy machine commands at 500 a second wait 100 ms now and then, and slowing the commits then only grew the tail.
 *
 * <p>One pacer serves a stream thread: under exactly_once_v2 a thread's tasks share one transaction, so a
 * commit asked for by any task commits them all. A pacer per task made six tasks ask on six cadences, which
 * committed far more often than the interval and doubled the median booking at 500 a second.
 *
 * <p>"Queued" is judged from the command's record timestamp (its producer's clock), so clocks out by more than
 * a second make the processor commit at the long interval: answers slower by at most that, never wrong.
 */
final class CommitPacer {
    /** The commit interval while commands queue: Kafka Streams' own default under exactly-once. */
    static final long BACKLOG_INTERVAL_MS = 100;
    /** How long commands must have waited to be decided for the processor to count as saturated. */
    static final long BACKLOG_MS = 1_000;

    private final long intervalMs;
    private long lastAskedMs;
    private boolean pending;
    private boolean queued;

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
        queued = nowMs - sentMs > BACKLOG_MS;
        return due(nowMs);
    }

    /**
     * A periodic check between records, so that a decision with no command after it is committed on time. Every
     * task of the thread runs it, one after another, and Kafka Streams ignores a commit asked for by a task with
     * nothing to commit: so once a commit is due, every task checking in the same millisecond asks, and the one
     * holding the decision is among them. It does not end a backlog: a pause between records is no sign that the
     * queue is gone (the thread pauses to commit and to poll), and taking it for one made every commit in a
     * backlog followed by another 20 ms later.
     *
     * @return whether to ask for a commit now
     */
    boolean check(long nowMs) {
        return due(nowMs) || nowMs - lastAskedMs <= 1;
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
