package io.gpconnect.bench;

import io.gpconnect.bench.http.Consumer;
import io.gpconnect.bench.load.OperationResult;
import io.gpconnect.bench.phase.BenchContext;
import io.gpconnect.bench.phase.BookingPhase;
import io.gpconnect.bench.phase.JourneyPhase;
import io.gpconnect.bench.phase.KafkaCommandPhase;
import io.gpconnect.bench.phase.LoadShape;
import io.gpconnect.bench.phase.Phase;
import io.gpconnect.bench.phase.RacePhase;
import io.gpconnect.bench.phase.RequestPhase;
import io.gpconnect.bench.phase.SlotPool;
import io.gpconnect.bench.report.CompilerCpu;
import io.gpconnect.bench.report.CpuTimeline;
import io.gpconnect.bench.report.EngineRun;
import io.gpconnect.bench.report.ResidentMemory;
import io.gpconnect.bench.report.TargetCheck;
import io.gpconnect.bench.scale.SyntheticScale;
import io.gpconnect.bench.target.Target;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/** The runs of one bench, in order, against one engine: slot discovery first, then each phase named. */
final class BenchPlan {
    /** How long to wait for a freshly seeded national scale to reach the views. */
    private static final Duration SEEDING_PATIENCE = Duration.ofMinutes(10);

    /** Every phase --phases may name, in the order of the default run, and how each is made for a load shape. */
    private static final Map<String, Function<LoadShape, Phase>> PHASES = phases();

    private static Map<String, Function<LoadShape, Phase>> phases() {
        Map<String, Function<LoadShape, Phase>> p = new LinkedHashMap<>();
        p.put("metadata", s -> RequestPhase.metadata());
        p.put("search1", s -> RequestPhase.slotSearch(1));
        p.put("search14", s -> RequestPhase.slotSearch(14));
        p.put("book", s -> BookingPhase.asFastAsAnswered(s.bookingWorkers()));
        p.put("book-rate", s -> BookingPhase.offered(s.bookingRate(), s.bookingWorkers()));
        p.put("race", s -> new RacePhase());
        p.put("journey", s -> new JourneyPhase());
        p.put("kafka", s -> new KafkaCommandPhase());
        return Collections.unmodifiableMap(p);
    }

    /** What is wrong with the phases named, if anything: checked before an engine starts. */
    static Optional<String> unknownPhase(List<String> names) {
        return names.stream().map(String::trim).filter(n -> !PHASES.containsKey(n)).findFirst()
                .map(n -> "Unknown bench phase '" + n + "' (" + String.join(", ", PHASES.keySet()) + ")");
    }

    /** Kafka commands the unrecorded pass sends at most: enough to compile the path, few enough to leave slots. */
    private static final long WARM_UP_KAFKA_COMMANDS = 20_000;

    private final SyntheticScale scale;
    private final LoadShape shape;
    private final EngineWarmUp warmUp;
    private final PrintStream progress;

    BenchPlan(SyntheticScale scale, LoadShape shape, EngineWarmUp warmUp, PrintStream progress) {
        this.scale = scale;
        this.shape = shape;
        this.warmUp = warmUp;
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
        String warmedUp = warmUpEngine(label, target, context, phaseNames);
        List<OperationResult> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (slots.spentAsks() > 0) {
            notes.add(spent("the warm-up", slots));
        }
        try (CpuTimeline cpu = new CpuTimeline(target.pid())) {
            for (String name : phaseNames) {
                long spentBefore = slots.spentAsks();
                List<OperationResult> measuredRuns = phase(name).run(context);
                if (slots.spentAsks() > spentBefore) {
                    notes.add(spent("phase " + name.trim(), slots));
                }
                for (OperationResult measured : measuredRuns) {
                    OperationResult r = cpu.charge(measured);
                    results.add(r);
                    progress.printf(Locale.ROOT, "[%s] %-18s %,8d req %,8.0f /s  p50 %7.2f  p95 %7.2f  p99 %7.2f  max %7.1f ms  "
                                    + "errors %d  engine CPU %s ms/req%n", label, r.name(), r.requests(), r.throughput(),
                            r.percentileMillis(50), r.percentileMillis(95), r.percentileMillis(99), r.maxMillis(), r.errors(),
                            TargetCheck.cpu(r.engineCpuMillisPerRequest()));
                }
            }
        }
        var rss = target.pid().isPresent() ? ResidentMemory.peakBytes(target.pid().getAsLong()) : java.util.OptionalLong.empty();
        rss.ifPresent(b -> progress.printf(Locale.ROOT, "[%s] engine peak RSS %d MB%n", label, b / (1024 * 1024)));
        notes.forEach(n -> progress.printf(Locale.ROOT, "[%s] note: %s%n", label, n));
        return new EngineRun(label + " (" + guarantee + ")", guarantee, results, rss, warmedUp, notes);
    }

    /**
     * A run that found the pool spent booked less than it had time for, and says so: otherwise a second bench against
     * the same engine reads as a slower engine.
     */
    private static String spent(String what, SlotPool slots) {
        return String.format(Locale.ROOT, "%s ran out of free slots (%,d found at the start, all handed out): a booking run "
                + "idles once they are gone, so its throughput understates the engine, and a Kafka or race run is cut short or "
                + "skipped. A freshly started engine has every slot free again.", what, slots.found());
    }

    /**
     * Every phase, unrecorded, before any is measured, and again until the engine's JIT compiler has settled.
     * A fresh engine keeps its compiler busy for minutes (half a core or more, per thread in /proc), so whichever
     * phase came first was measured against the compiler and each later one partly so: the same engine
     * decided 4,200 commands a second in its first minute and 8,900 from its fourth. A pass is repeated while
     * the compiler used more than {@link EngineWarmUp#settledCores()} of a core during it, up to
     * {@link EngineWarmUp#atMost()} in all; without the engine's process id there is one pass.
     */
    private String warmUpEngine(String label, Target target, BenchContext context, List<String> phaseNames) throws Exception {
        if (warmUp.pass().isZero() || phaseNames.isEmpty()) {
            return "none";
        }
        Duration each = warmUp.pass().dividedBy(phaseNames.size());
        LoadShape warm = new LoadShape(Duration.ZERO, each, shape.maxRequests(), shape.workers(), shape.bookingWorkers(),
                shape.bookingRate(), shape.raceClients(), shape.raceSlots(), Math.min(shape.maxKafkaCommands(), WARM_UP_KAFKA_COMMANDS));
        BenchContext warming = new BenchContext(context.target(), context.consumer(), context.demoOds(), context.practices(),
                context.slots(), warm);
        long started = System.nanoTime();
        List<String> compiler = new ArrayList<>();
        while (true) {
            long passStarted = System.nanoTime();
            OptionalDouble compiledBefore = compilerSeconds(target);
            for (String name : phaseNames) {
                phase(name).run(warming);
            }
            OptionalDouble compiledAfter = compilerSeconds(target);
            if (compiledBefore.isEmpty() || compiledAfter.isEmpty()) {
                break;
            }
            double cores = (compiledAfter.getAsDouble() - compiledBefore.getAsDouble()) / ((System.nanoTime() - passStarted) / 1e9);
            compiler.add(String.format(Locale.ROOT, "%.2f", cores));
            Duration spent = Duration.ofNanos(System.nanoTime() - started);
            if (cores <= warmUp.settledCores() || spent.plus(warmUp.pass()).compareTo(warmUp.atMost()) > 0) {
                break;
            }
        }
        String summary = String.format(Locale.ROOT, "every phase for %.1f s a pass, not recorded, %d pass(es) in %.0f s; JIT compiler cores per pass: %s",
                each.toMillis() / 1e3, Math.max(1, compiler.size()), (System.nanoTime() - started) / 1e9,
                compiler.isEmpty() ? "not known" : String.join(", ", compiler));
        progress.printf(Locale.ROOT, "[%s] engine warmed up: %s%n", label, summary);
        return summary;
    }

    private static OptionalDouble compilerSeconds(Target target) {
        return target.pid().isPresent() ? CompilerCpu.seconds(target.pid().getAsLong()) : OptionalDouble.empty();
    }

    private Phase phase(String name) {
        Function<LoadShape, Phase> make = PHASES.get(name.trim());
        if (make == null) {
            throw new IllegalArgumentException(unknownPhase(List.of(name)).orElseThrow());
        }
        return make.apply(shape);
    }

    String setup(String engines) {
        return String.format(Locale.ROOT, "Engines: %s. Synthetic scale: %,d practices × %d practitioners × %d slots a day × %d days "
                        + "(%,d slots) besides the demo practice. Load: every phase run unrecorded for %s a pass, repeated until the JIT compiler used at most %.2f core in a pass (at most %s in all: the engine's warm-up), then per run %s warm-up and %s measured, at most %,d requests; %d "
                        + "closed-loop clients (%d booking); open-loop booking at %.0f/s; races of %d clients for %d slots; at most %,d Kafka commands.",
                engines, scale.practices(), scale.practitioners(), scale.slotsPerDay(), scale.days(), scale.slots(), warmUp.pass(), warmUp.settledCores(), warmUp.atMost(), shape.warmUp(),
                shape.measure(), shape.maxRequests(), shape.workers(), shape.bookingWorkers(), shape.bookingRate(), shape.raceClients(), shape.raceSlots(),
                shape.maxKafkaCommands());
    }
}
