package io.gpconnect.bench;

import io.gpconnect.bench.scale.SyntheticScale;
import io.gpconnect.bench.target.EngineSpec;
import io.gpconnect.bench.target.EngineStarter;
import io.gpconnect.bench.target.Target;
import io.gpconnect.bench.phase.LoadShape;
import io.gpconnect.bench.report.EngineRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * {@code ./gpconnect bench}: bounded load against an engine on 127.0.0.1, over HTTP and straight onto Kafka,
 * reported as Markdown and an SVG latency plot. Without {@code --target} it starts its own engines (through
 * the {@link EngineStarter} it is given): one exactly-once, then one at-least-once for the overhead ratio.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Load-test an engine on 127.0.0.1 (slot search, booking, races, the 111 journey, Kafka command rate) and write a report.")
public final class BenchCommand implements Callable<Integer> {
    private final EngineStarter starter;

    @Spec
    CommandSpec spec;

    @Option(names = "--target", description = "Demo service root of a running `serve`, e.g. http://127.0.0.1:8080/A20047/STU3/1/gpconnect; "
            + "without it the bench starts its own engines")
    String target;

    @Option(names = "--bootstrap-servers", description = "Kafka of the --target engine (printed by serve)")
    String bootstrapServers;

    @Option(names = "--registry-url", description = "Schema registry of the --target engine (printed by serve)")
    String registryUrl;

    @Option(names = "--target-pid", description = "Process id of the --target engine, to report its memory")
    Long targetPid;

    @Option(names = "--provider-asid", defaultValue = "918999198993", description = "The engine's provider ASID (default ${DEFAULT-VALUE})")
    String providerAsid;

    @Option(names = "--practices", defaultValue = "1000", description = "Synthetic practices seeded (and served) besides the demo one (default ${DEFAULT-VALUE})")
    int practices;

    @Option(names = "--practitioners", defaultValue = "2", description = "Practitioners per synthetic practice (default ${DEFAULT-VALUE})")
    int practitioners;

    @Option(names = "--slots-per-day", defaultValue = "16", description = "Ten-minute slots per practitioner per day, 14 days (default ${DEFAULT-VALUE})")
    int slotsPerDay;

    @Option(names = "--duration", defaultValue = "10", description = "Measured seconds per run (default ${DEFAULT-VALUE})")
    double durationSeconds;

    @Option(names = "--warm-up", defaultValue = "10",
            description = "Unrecorded warm-up seconds before each run, on its own connections (default ${DEFAULT-VALUE})")
    double warmUpSeconds;

    @Option(names = "--engine-warm-up", defaultValue = "60",
            description = "Unrecorded seconds of a warm-up pass, shared by every phase, before the first measured run of each engine (default ${DEFAULT-VALUE})")
    double engineWarmUpSeconds;

    @Option(names = "--engine-warm-up-max", defaultValue = "300",
            description = "Warm-up passes repeat until the engine's JIT compiler settles, for at most these seconds in all (default ${DEFAULT-VALUE})")
    double engineWarmUpMaxSeconds;

    @Option(names = "--jit-settled", defaultValue = "0.1",
            description = "The JIT has settled when its threads used at most this much of a core during a warm-up pass (default ${DEFAULT-VALUE})")
    double jitSettledCores;

    @Option(names = "--max-requests", defaultValue = "200000", description = "Most requests (or journeys) per run (default ${DEFAULT-VALUE})")
    long maxRequests;

    @Option(names = "--workers", defaultValue = "16", description = "Concurrent clients of closed-loop runs (default ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--booking-workers", defaultValue = "128",
            description = "Concurrent clients of the closed-loop booking run: a booking waits on Kafka, so throughput needs many in flight (default ${DEFAULT-VALUE})")
    int bookingWorkers;

    @Option(names = "--booking-rate", defaultValue = "500", description = "Offered bookings per second of the open-loop run (default ${DEFAULT-VALUE})")
    double bookingRate;

    @Option(names = "--race-clients", defaultValue = "50", description = "Clients racing in each round (default ${DEFAULT-VALUE})")
    int raceClients;

    @Option(names = "--race-slots", defaultValue = "3", description = "Slots they race for (default ${DEFAULT-VALUE})")
    int raceSlots;

    @Option(names = "--kafka-commands", defaultValue = "200000", description = "Most commands of the Kafka command-rate run (default ${DEFAULT-VALUE})")
    long kafkaCommands;

    @Option(names = "--phases", split = ",", defaultValue = "metadata,search1,search14,book,book-rate,race,journey,kafka",
            description = "Runs to make, in order (default ${DEFAULT-VALUE})")
    List<String> phases;

    @Option(names = "--alos-phases", split = ",", defaultValue = "book,kafka",
            description = "Runs repeated on an at-least-once engine for the exactly-once overhead; 'none' to skip (default ${DEFAULT-VALUE})")
    List<String> alosPhases;

    @Option(names = "--out", defaultValue = "target/bench", description = "Where the report goes (default ${DEFAULT-VALUE})")
    Path out;

    public BenchCommand(EngineStarter starter) {
        this.starter = starter;
    }

    @Override
    public Integer call() throws Exception {
        checkUsage();
        SyntheticScale scale = new SyntheticScale(practices, practices == 0 ? 0 : practitioners, practices == 0 ? 0 : slotsPerDay,
                practices == 0 ? 0 : 14);
        BenchPlan plan = new BenchPlan(scale, shape(),
                new EngineWarmUp(seconds(engineWarmUpSeconds), seconds(Math.max(engineWarmUpSeconds, engineWarmUpMaxSeconds)), jitSettledCores), System.out);
        List<EngineRun> runs = new ArrayList<>();
        if (target != null) {
            Target t = Target.of(target, providerAsid, bootstrapServers, registryUrl,
                    targetPid == null ? OptionalLong.empty() : OptionalLong.of(targetPid), "running engine at " + target);
            runs.add(plan.run("exactly-once (running engine)", "exactly_once_v2", t, phases));
        } else {
            runs.add(onOwnEngine(plan, new EngineSpec(true, scale), "exactly-once", phases));
            if (!alosPhases.contains("none")) {
                runs.add(onOwnEngine(plan, new EngineSpec(false, scale), "at-least-once", alosPhases));
            }
        }
        Path report = new BenchReportFiles(out).write(plan.setup(target == null ? "engines started by the bench" : target), runs);
        System.out.println("Report: " + report.toAbsolutePath());
        return 0;
    }

    /**
     * Mistakes in the options, found before any engine starts or any slot is searched for: a misspelt phase used to
     * surface minutes later, as a stack trace.
     */
    private void checkUsage() {
        if (target != null && (bootstrapServers == null || registryUrl == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--target needs --bootstrap-servers and --registry-url (serve prints both)");
        }
        if (target == null && starter == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "No engine to start here: give --target");
        }
        List<String> named = new ArrayList<>(phases);
        if (target == null && !alosPhases.contains("none")) {
            named.addAll(alosPhases);
        }
        BenchPlan.unknownPhase(named).ifPresent(problem -> {
            throw new CommandLine.ParameterException(spec.commandLine(), problem);
        });
    }

    private EngineRun onOwnEngine(BenchPlan plan, EngineSpec spec, String label, List<String> which) throws Exception {
        System.out.println("Starting an engine (" + spec.guarantee() + ", " + spec.scale().practices() + " synthetic practices)…");
        try (EngineStarter.RunningEngine engine = starter.start(spec)) {
            return plan.run(label, spec.guarantee(), engine.target(), which);
        }
    }

    private LoadShape shape() {
        return new LoadShape(seconds(warmUpSeconds), seconds(durationSeconds), maxRequests, workers, bookingWorkers, bookingRate,
                raceClients, raceSlots, kafkaCommands);
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
