package io.gpconnect.bench.report;

import io.gpconnect.bench.load.OperationResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** One of the performance targets, as required and as measured. */
public record TargetCheck(String target, String required, String measured, Optional<Boolean> met) {
    private static final long RSS_LIMIT = 1536L * 1024 * 1024;

    /** The targets of the 2-core machine (issue 5), checked against the exactly-once run. */
    public static List<TargetCheck> of(EngineRun run) {
        List<TargetCheck> checks = new ArrayList<>();
        checks.add(throughput(run, "search 1-day", "slot search, 1 day, demo practice", 1000));
        checks.add(p99(run, "search 1-day", "slot search, 1 day: p99", 20));
        checks.add(throughput(run, "search 14-day", "slot search, 14 days", 200));
        checks.add(throughput(run, "book (closed loop)", "booking over HTTP", 1000));
        checks.add(p99(run, "book @500/s", "booking at 500/s offered: p99", 50));
        checks.add(throughput(run, "kafka decisions", "Kafka command path, exactly-once", 20000));
        checks.add(new TargetCheck("memory of serve (peak RSS)", "< 1536 MB",
                run.peakRssBytes().isPresent() ? mb(run.peakRssBytes().getAsLong()) : "not measured (pid unknown)",
                run.peakRssBytes().isPresent() ? Optional.of(run.peakRssBytes().getAsLong() < RSS_LIMIT) : Optional.empty()));
        return checks;
    }

    private static TargetCheck throughput(EngineRun run, String op, String target, double atLeast) {
        return check(run, op, target, "≥ " + fmt(atLeast) + " /s", r -> String.format(Locale.ROOT, "%s /s", fmt(r.throughput())),
                r -> r.throughput() >= atLeast && r.errors() == 0);
    }

    private static TargetCheck p99(EngineRun run, String op, String target, double atMostMs) {
        return check(run, op, target, "≤ " + fmt(atMostMs) + " ms", r -> String.format(Locale.ROOT, "%.1f ms", r.percentileMillis(99)),
                r -> r.percentileMillis(99) <= atMostMs && r.errors() == 0);
    }

    private static TargetCheck check(EngineRun run, String op, String target, String required,
                                     java.util.function.Function<OperationResult, String> measured, Predicate<OperationResult> met) {
        Optional<OperationResult> r = run.result(op).filter(x -> x.requests() > 0);
        return r.map(x -> new TargetCheck(target, required, measured.apply(x) + (x.errors() > 0 ? " (" + x.errors() + " errors)" : ""),
                        Optional.of(met.test(x))))
                .orElseGet(() -> new TargetCheck(target, required, "not run", Optional.empty()));
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%d MB", bytes / (1024 * 1024));
    }

    /** A CPU figure, or "n/a" where it was not measured (an engine the bench was not given the pid of). */
    public static String cpu(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
