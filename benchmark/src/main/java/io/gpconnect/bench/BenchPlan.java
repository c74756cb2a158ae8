package io.gpconnect.bench;

import io.gpconnect.bench.http.Consumer;
import io.gpconnect.bench.load.OperationResult;
import io.gpconnect.bench.phase.BenchContext;
import io.gpconnect.bench.phase.BookingPhase;
import io.gpconnect.bench.phase.JourneyPhase;
import io.gpconnect.bench.phase.KafkaCommandPhase;
import io.gpconnect.bench.phase.LoadShape;
import io.gpconnect.bench.phase.RacePhase;
import io.gpconnect.bench.phase.RequestPhase;
import io.gpconnect.bench.phase.SlotPool;
import io.gpconnect.bench.report.CpuTimeline;
import io.gpconnect.bench.report.EngineRun;
import io.gpconnect.bench.report.ResidentMemory;
import io.gpconnect.bench.scale.SyntheticScale;
import io.gpconnect.bench.target.Target;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The runs of one bench, in order, against one engine: slot discovery first, then each phase named. */
final class BenchPlan {
    /** How long to wait for a freshly seeded national scale to reach the views. */
    private static final Duration SEEDING_PATIENCE = Duration.ofMinutes(10);

    /** Kafka commands the unrecorded pass sends at most: enough to compile the path, few enough to leave slots. */
    private static final long WARM_UP_KAFKA_COMMANDS = 20_000;

    private final SyntheticScale scale;
    private final LoadShape shape;
    private final Duration engineWarmUp;
    private final PrintStream progress;

    BenchPlan(SyntheticScale scale, LoadShape shape, Duration engineWarmUp, PrintStream progress) {
        this.scale = scale;
        this.shape = shape;
        this.engineWarmUp = engineWarmUp;
        this.progress = progress;
    }

    EngineRun run(String label, String guarantee, Target target, List<String> phaseNames) throws Exception {
        Consumer consumer = new Consumer(target.origin(), target.providerAsid());
        List<String> practices = scale.practices() > 0 ? scale.odsCodes() : List.of(target.demoOds());
        long started = System.nanoTime();
        SlotPool slots = SlotPool.discover(consumer, practices, scale.slotsPerPractice(), SEEDING_PATIENCE);
        progress.printf(Locale.ROOT, "[%s] %,d bookable slots found in %d practices (%.1f s)%n", label, slots.found(), practices.size(),
                (System.nanoTime() - started) / 1e9);
        BenchContext context = new BenchContext(target, consumer, target.demoOds(), practices, slots, shape);
        warmUpEngine(label, context, phaseNames);
        List<OperationResult> results = new ArrayList<>();
        try (CpuTimeline cpu = new CpuTimeline(target.pid())) {
            for (String name : phaseNames) {
                for (OperationResult measured : phase(name).run(context)) {
                    OperationResult r = cpu.charge(measured);
                    results.add(r);
                    progress.printf(Locale.ROOT, "[%s] %-18s %,8d req %,8.0f /s  p50 %7.2f  p95 %7.2f  p99 %7.2f  max %7.1f ms  "
                                    + "errors %d  engine CPU %.2f ms/req%n", label, r.name(), r.requests(), r.throughput(),
                            r.percentileMillis(50), r.percentileMillis(95), r.percentileMillis(99), r.maxMillis(), r.errors(),
                            r.engineCpuMillisPerRequest());
                }
            }
        }
        var rss = target.pid().isPresent() ? ResidentMemory.peakBytes(target.pid().getAsLong()) : java.util.OptionalLong.empty();
        rss.ifPresent(b -> progress.printf(Locale.ROOT, "[%s] engine peak RSS %d MB%n", label, b / (1024 * 1024)));
        return new EngineRun(label + " (" + guarantee + ")", guarantee, results, rss);
    }

    /**
     * Every phase once, unrecorded, before any is measured. A fresh engine keeps its JIT compiler busy for
     * minutes (a core's worth, in `top -H`), so whichever phase came first was measured against the compiler
     * and each later one partly so; the per-run warm-up alone is too short to absorb that.
     */
    private void warmUpEngine(String label, BenchContext context, List<String> phaseNames) throws Exception {
        if (engineWarmUp.isZero() || phaseNames.isEmpty()) {
            return;
        }
        Duration each = engineWarmUp.dividedBy(phaseNames.size());
        LoadShape warm = new LoadShape(Duration.ZERO, each, shape.maxRequests(), shape.workers(), shape.bookingWorkers(),
                shape.bookingRate(), shape.raceClients(), shape.raceSlots(), Math.min(shape.maxKafkaCommands(), WARM_UP_KAFKA_COMMANDS));
        BenchContext warming = new BenchContext(context.target(), context.consumer(), context.demoOds(), context.practices(),
                context.slots(), warm);
        long started = System.nanoTime();
        for (String name : phaseNames) {
            phase(name).run(warming);
        }
        progress.printf(Locale.ROOT, "[%s] engine warmed up: every phase for %.1f s, not recorded (%.0f s)%n", label,
                each.toMillis() / 1e3, (System.nanoTime() - started) / 1e9);
    }

    private io.gpconnect.bench.phase.Phase phase(String name) {
        return switch (name.trim()) {
            case "metadata" -> RequestPhase.metadata();
            case "search1" -> RequestPhase.slotSearch(1);
            case "search14" -> RequestPhase.slotSearch(14);
            case "book" -> BookingPhase.asFastAsAnswered(shape.bookingWorkers());
            case "book-rate" -> BookingPhase.offered(shape.bookingRate(), shape.bookingWorkers());
            case "race" -> new RacePhase();
            case "journey" -> new JourneyPhase();
            case "kafka" -> new KafkaCommandPhase();
            default -> throw new IllegalArgumentException("Unknown bench phase '" + name
                    + "' (metadata, search1, search14, book, book-rate, race, journey, kafka)");
        };
    }

    String setup(String engines) {
        return String.format(Locale.ROOT, "Engines: %s. Synthetic scale: %,d practices × %d practitioners × %d slots a day × %d days "
                        + "(%,d slots) besides the demo practice. Load: every phase run once unrecorded for %s in all (the engine's warm-up), then per run %s warm-up and %s measured, at most %,d requests; %d "
                        + "closed-loop clients (%d booking); open-loop booking at %.0f/s; races of %d clients for %d slots; at most %,d Kafka commands.",
                engines, scale.practices(), scale.practitioners(), scale.slotsPerDay(), scale.days(), scale.slots(), engineWarmUp, shape.warmUp(),
                shape.measure(), shape.maxRequests(), shape.workers(), shape.bookingWorkers(), shape.bookingRate(), shape.raceClients(), shape.raceSlots(),
                shape.maxKafkaCommands());
    }
}
