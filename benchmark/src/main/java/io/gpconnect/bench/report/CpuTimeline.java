package io.gpconnect.bench.report;

import io.gpconnect.bench.load.OperationResult;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * CPU time of the engine and of the bench, sampled in the background, so that each measured interval (warm-up
 * excluded) can be charged the CPU it used.
 */
public final class CpuTimeline implements AutoCloseable {
    private static final long PERIOD_MS = 200;

    private record Sample(long nanos, double engine, double bench) {
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
        while (running) {
            take();
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void take() {
        double engine = enginePid.isPresent() ? ProcessCpu.seconds(enginePid.getAsLong()).orElse(Double.NaN) : Double.NaN;
        double bench = ProcessCpu.self().orElse(Double.NaN);
        synchronized (samples) {
            samples.add(new Sample(System.nanoTime(), engine, bench));
        }
    }

    /** The result with the CPU used between its interval's start and end. */
    public OperationResult charge(OperationResult r) {
        take();
        synchronized (samples) {
            Sample from = at(r.fromNanos());
            Sample to = at(r.toNanos());
            return r.withCpu(new OperationResult.CpuUse(to.engine() - from.engine(), to.bench() - from.bench()));
        }
    }

    /** The first sample at or after the instant (the last one if none is later). */
    private Sample at(long nanos) {
        for (Sample s : samples) {
            if (s.nanos() >= nanos) {
                return s;
            }
        }
        return samples.get(samples.size() - 1);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
