package io.gpconnect.bench.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies and outcomes of one operation (slot search, booking, …) during a measured interval. Statuses in
 * {@code expected} count as successes, in {@code conflicts} as the answers a race must give (409 for a taken
 * slot); anything else, and every failure to get an answer at all, is an error.
 */
public final class OperationStats {
    /** An hour in microseconds: no answer the bench waits for takes longer. */
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final String name;
    private final Set<Integer> expected;
    private final Set<Integer> conflicts;
    private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final LongAdder failures = new LongAdder();
    /** The first unexpected answers, so a report says why requests failed, not only how many. */
    private final Map<Integer, String> unexpectedSamples = new ConcurrentHashMap<>();
    private volatile long startedNanos = System.nanoTime();

    public OperationStats(String name, Set<Integer> expected, Set<Integer> conflicts) {
        this.name = name;
        this.expected = expected;
        this.conflicts = conflicts;
    }

    public static OperationStats expecting(String name, int status) {
        return new OperationStats(name, Set.of(status), Set.of());
    }

    public String name() {
        return name;
    }

    /** Records an answer that arrived now for a request meant to start at {@code startNanos}. */
    public void record(long startNanos, int status) {
        recorder.recordValue(Math.max(0, (System.nanoTime() - startNanos) / 1000));
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** No answer at all (connection refused, reset, timed out). */
    public void failed(long startNanos) {
        recorder.recordValue(Math.max(0, (System.nanoTime() - startNanos) / 1000));
        failures.increment();
    }

    /** A broken invariant with no request of its own, e.g. a slot booked twice in a race. */
    public void violation() {
        failures.increment();
    }

    public boolean succeeded(int status) {
        return expected.contains(status);
    }

    /** Keeps the first body of each unexpected status. */
    public void noteUnexpected(int status, String body) {
        if (!expected.contains(status) && !conflicts.contains(status) && unexpectedSamples.size() < 5) {
            unexpectedSamples.putIfAbsent(status, body.length() > 1000 ? body.substring(0, 1000) + "…" : body);
        }
    }

    /** Answers recorded so far in this interval, whatever their status. */
    public int decided() {
        return (int) statuses.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Forgets the warm-up: what is recorded from now on is the measurement. */
    public void restart() {
        recorder.reset();
        statuses.clear();
        failures.reset();
        unexpectedSamples.clear();
        startedNanos = System.nanoTime();
    }

    /** The interval so far, for the report. */
    public OperationResult result() {
        long now = System.nanoTime();
        double seconds = (now - startedNanos) / 1e9;
        Histogram h = recorder.getIntervalHistogram();
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((s, n) -> byStatus.put(s, n.sum()));
        long ok = 0;
        long conflicted = 0;
        long errors = failures.sum();
        for (var e : byStatus.entrySet()) {
            if (expected.contains(e.getKey())) {
                ok += e.getValue();
            } else if (conflicts.contains(e.getKey())) {
                conflicted += e.getValue();
            } else {
                errors += e.getValue();
            }
        }
        return new OperationResult(name, h, seconds, ok, conflicted, errors, byStatus, Map.copyOf(unexpectedSamples), startedNanos, now,
                OperationResult.CpuUse.UNKNOWN, Map.of());
    }
}
