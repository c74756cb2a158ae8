package io.gpconnect.bench.phase;

import io.gpconnect.bench.load.Action;
import io.gpconnect.bench.load.LoadRun;
import io.gpconnect.bench.load.OperationResult;
import io.gpconnect.bench.load.OperationStats;
import io.gpconnect.bench.load.Pacing;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A warm-up and then the measurement, on the same workers and connections: the JIT, the connection pool and
 * the engine's caches are warm before anything is recorded.
 */
final class Measured {
    /** Open loop at a fixed rate, or closed loop when {@code ratePerSecond} is zero or less. */
    private final double ratePerSecond;

    private Measured(double ratePerSecond) {
        this.ratePerSecond = ratePerSecond;
    }

    static Measured closedLoop() {
        return new Measured(0);
    }

    static Measured openLoop(double ratePerSecond) {
        return new Measured(ratePerSecond);
    }

    List<OperationResult> run(BenchContext context, int workers, Action action, OperationStats... stats) throws InterruptedException {
        LoadShape shape = context.shape();
        try (LoadRun run = new LoadRun(context.consumer().base(), workers)) {
            run.run(() -> pacing(shape.warmUp(), shape.maxRequests()), action);
            Arrays.stream(stats).forEach(OperationStats::restart);
            run.run(() -> pacing(shape.measure(), shape.maxRequests()), action);
            return Arrays.stream(stats).map(OperationStats::result).toList();
        }
    }

    private Pacing pacing(Duration duration, long maxIterations) {
        return ratePerSecond > 0 ? Pacing.open(ratePerSecond, duration, maxIterations) : Pacing.closed(duration, maxIterations);
    }
}
