package io.gpconnect.bench.report;

import io.gpconnect.bench.load.OperationResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU time of the engine and of the bench, sampled in the background, so that each measured interval (warm-up
 * excluded) can be charged the CPU it used. The engine's CPU by thread group is read less often (every
 * {@link #THREADS_EVERY}th sample: it reads two files per thread), so an interval's split starts up to a second late.
 */
public final class CpuTimeline implements AutoCloseable {
    private static final long PERIOD_MS = 200;
    private static final int THREADS_EVERY = 5;

    /** @param threads the engine's CPU by thread group, or null when not read with this sample */
    private record Sample(long nanos, double engine, double bench, Map<String, Double> threads) {
    }

    private final OptionalLong enginePid;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    public CpuTimeline(OptionalLong enginePid) {
        this.enginePid = enginePid;
        this.sampler = new Thread(this::sample, "bench-cpu-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        for (int n = 0; running; n++) {
            take(n % THREADS_EVERY == 0);
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void take(boolean withThreads) {
        double engine = enginePid.isPresent() ? ProcessCpu.seconds(enginePid.getAsLong()).orElse(Double.NaN) : Double.NaN;
        double bench = ProcessCpu.self().orElse(Double.NaN);
        Map<String, Double> threads = withThreads && enginePid.isPresent() ? ThreadGroupCpu.seconds(enginePid.getAsLong()) : null;
        synchronized (samples) {
            samples.add(new Sample(System.nanoTime(), engine, bench, threads));
        }
    }

    /** The result with the CPU used between its interval's start and end. */
    public OperationResult charge(OperationResult r) {
        take(true);
        synchronized (samples) {
            Sample from = at(r.fromNanos(), false);
            Sample to = at(r.toNanos(), false);
            Sample threadsFrom = at(r.fromNanos(), true);
            Sample threadsTo = at(r.toNanos(), true);
            Map<String, Double> threads = threadsFrom != null && threadsFrom.nanos() < threadsTo.nanos()
                    ? ThreadGroupCpu.between(threadsFrom.threads(), threadsTo.threads()) : Map.of();
            return r.withCpu(new OperationResult.CpuUse(to.engine() - from.engine(), to.bench() - from.bench(), threads));
        }
    }

    /**
     * The first sample at or after the instant (the last one if none is later), of those with threads if asked;
     * null if there is none such.
     */
    private Sample at(long nanos, boolean withThreads) {
        Sample last = null;
        for (Sample s : samples) {
            if (withThreads && s.threads() == null) {
                continue;
            }
            last = s;
            if (s.nanos() >= nanos) {
                return s;
            }
        }
        return last;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
