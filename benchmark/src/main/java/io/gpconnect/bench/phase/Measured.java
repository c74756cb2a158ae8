package io.gpconnect.bench.phase;

import io.gpconnect.bench.load.Action;
import io.gpconnect.bench.load.CommandStages;
import io.gpconnect.bench.load.LoadRun;
import io.gpconnect.bench.load.OperationResult;
import io.gpconnect.bench.load.OperationStats;
import io.gpconnect.bench.load.Pacing;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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
            Optional<CommandStages> before = CommandStages.scrape(context.consumer().base());
            Arrays.stream(stats).forEach(OperationStats::restart);
            run.run(() -> pacing(shape.measure(), shape.maxRequests()), action);
            List<OperationResult> results = Arrays.stream(stats).map(OperationStats::result).toList();
            Optional<CommandStages> after = before.flatMap(b -> CommandStages.scrape(context.consumer().base()));
            // A phase of one operation owns the interval's bookings; the journey's steps share theirs with cancels.
            if (after.isPresent() && results.size() == 1) {
                return List.of(results.get(0).withEngineStages(after.get().since(before.get())));
            }
            return results;
        }
    }

    private Pacing pacing(Duration duration, long maxIterations) {
        return ratePerSecond > 0 ? Pacing.open(ratePerSecond, duration, maxIterations) : Pacing.closed(duration, maxIterations);
    }
}
