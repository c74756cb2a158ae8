package io.gpconnect.bench.report;

import io.gpconnect.bench.load.CommandStages;
import io.gpconnect.bench.load.OperationResult;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The bench's findings as Markdown: targets, every operation's figures, and the two overhead ratios. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    /**
     * @param runs the exactly-once run first; an at-least-once run, when made, gives the EOS/ALOS ratios
     */
    public static String render(String setup, List<EngineRun> runs, String plotFile) {
        StringBuilder md = new StringBuilder();
        md.append("# GP Connect booking engine: load benchmark\n\n");
        md.append("Run ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ").append(System.getProperty("java.version"))
                .append(". Load generator and engine share the machine.\n\n");
        md.append(setup).append("\n\n");
        EngineRun main = runs.get(0);
        md.append("## Targets (").append(main.label()).append(")\n\n| target | required | measured | met |\n|---|---|---|---|\n");
        for (TargetCheck c : TargetCheck.of(main)) {
            md.append("| ").append(c.target()).append(" | ").append(c.required()).append(" | ").append(c.measured()).append(" | ")
                    .append(c.met().map(m -> m ? "yes" : "**no**").orElse("–")).append(" |\n");
        }
        for (EngineRun run : runs) {
            md.append("\n## ").append(run.label()).append("\n\n");
            if (!run.warmUp().isEmpty()) {
                md.append("Warm-up: ").append(run.warmUp()).append(".\n\n");
            }
            run.notes().forEach(n -> md.append("**Note:** ").append(n).append("\n\n"));
            run.peakRssBytes().ifPresent(b -> md.append("Engine process peak RSS: ").append(TargetCheck.mb(b)).append(".\n\n"));
            md.append("| operation | requests | throughput /s | p50 ms | p95 ms | p99 ms | max ms | ok | conflicts | errors | statuses "
                    + "| engine CPU ms/req | engine cores | bench cores |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
            for (OperationResult r : run.results()) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %s | %.2f | %.2f | %.2f | %.1f | %d | %d | %d | %s | %s | %s | %s |%n",
                        r.name(), r.requests(), TargetCheck.fmt(r.throughput()), r.percentileMillis(50), r.percentileMillis(95),
                        r.percentileMillis(99), r.maxMillis(), r.succeeded(), r.conflicts(), r.errors(), r.statuses(),
                        TargetCheck.cpu(r.engineCpuMillisPerRequest()), TargetCheck.cpu(r.cpu().engineSeconds() / r.seconds()),
                        TargetCheck.cpu(r.cpu().benchSeconds() / r.seconds())));
            }
            md.append("\nCPU columns: the engine's and the bench's process CPU over each measured interval (cores = CPU seconds per ")
                    .append("second). The 111 steps share one interval, so each of their rows shows the CPU of a whole journey.\n");
            if (run.result("kafka decisions").isPresent()) {
                md.append("\nThe Kafka run sends its commands as fast as the producer takes them and times each until its decision is ")
                        .append("readable, so its latencies are mostly the queue behind that burst: its figure is the throughput.\n");
            }
            engineThreads(md, run);
            engineStages(md, run);
            for (OperationResult r : run.results()) {
                r.unexpectedSamples().forEach((status, body) -> md.append("\n").append(r.name()).append(", first ").append(status)
                        .append(" answer: `").append(body.replace("`", "'").replace("\n", " ")).append("`\n"));
            }
        }
        if (runs.size() > 1) {
            exactlyOnceOverhead(md, main, runs.get(1));
        }
        httpOverhead(md, main);
        md.append("\n## Latency percentiles\n\n![latency percentiles](").append(plotFile).append(")\n");
        return md.toString();
    }

    /** Where each request's engine CPU went, by thread group: the first place to look for a bottleneck. */
    private static void engineThreads(StringBuilder md, EngineRun run) {
        List<OperationResult> split = run.results().stream().filter(r -> !r.cpu().engineThreads().isEmpty() && r.requests() > 0).toList();
        if (split.isEmpty()) {
            return;
        }
        List<String> groups = ThreadGroupCpu.names();
        md.append("\nEngine CPU by thread, µs per request (read from /proc every second, so an interval's split may start up to ")
                .append("a second late):\n\n| operation | ").append(String.join(" | ", groups)).append(" |\n|---|")
                .append("---:|".repeat(groups.size())).append("\n");
        for (OperationResult r : split) {
            md.append("| ").append(r.name()).append(" |");
            for (String g : groups) {
                md.append(String.format(Locale.ROOT, " %.0f |", r.cpu().engineThreads().getOrDefault(g, 0.0) * 1e6 / r.requests()));
            }
            md.append("\n");
        }
    }

    /**
     * Where the engine says each booking run's bookings waited. Its answered is the wait inside the engine; the bench's
     * own latency adds the HTTP request and response around it and the load generator's queueing.
     */
    private static void engineStages(StringBuilder md, EngineRun run) {
        List<OperationResult> staged = run.results().stream().filter(r -> !r.engineStages().isEmpty()).toList();
        if (staged.isEmpty()) {
            return;
        }
        md.append("\nWhere the bookings waited, by the engine's `gpconnect.command.stage` histograms over the measured interval ")
                .append("(p50 / p99 in ms, histogram bucket bounds): appended = sent until the broker acknowledged the command, ")
                .append("queued = until the processor decided it, published = until the views held the decision (the transaction's ")
                .append("commit and the views' read), answered = the engine's whole wait:\n\n| operation | bookings | ")
                .append(String.join(" | ", CommandStages.STAGES)).append(" | bench p50 / p99 |\n|---|---:|")
                .append("---:|".repeat(CommandStages.STAGES.size())).append("---:|\n");
        for (OperationResult r : staged) {
            md.append("| ").append(r.name()).append(" | ")
                    .append(r.engineStages().values().stream().mapToLong(CommandStages.Figures::count).max().orElse(0)).append(" |");
            for (String stage : CommandStages.STAGES) {
                CommandStages.Figures f = r.engineStages().get(stage);
                md.append(f == null ? " – |" : String.format(Locale.ROOT, " %.1f / %.1f |", f.p50Millis(), f.p99Millis()));
            }
            md.append(String.format(Locale.ROOT, " %.1f / %.1f |%n", r.percentileMillis(50), r.percentileMillis(99)));
        }
    }

    private static void exactlyOnceOverhead(StringBuilder md, EngineRun eos, EngineRun alos) {
        md.append("\n## Exactly-once overhead\n\nThe same runs with the slot projection at-least-once. A throughput ratio below 1 ")
                .append("and a latency ratio above 1 are what exactly-once costs.\n\n");
        md.append("| operation | EOS /s | ALOS /s | EOS/ALOS throughput | EOS/ALOS p50 | EOS/ALOS p99 |\n|---|---:|---:|---:|---:|---:|\n");
        for (OperationResult e : eos.results()) {
            Optional<OperationResult> a = alos.result(e.name());
            a.filter(x -> x.requests() > 0 && e.requests() > 0).ifPresent(x -> md.append(String.format(Locale.ROOT,
                    "| %s | %s | %s | %.2f | %.2f | %.2f |%n", e.name(), TargetCheck.fmt(e.throughput()), TargetCheck.fmt(x.throughput()),
                    e.throughput() / x.throughput(), ratio(e.percentileMillis(50), x.percentileMillis(50)),
                    ratio(e.percentileMillis(99), x.percentileMillis(99)))));
        }
    }

    private static void httpOverhead(StringBuilder md, EngineRun run) {
        Optional<OperationResult> metadata = run.result("metadata").filter(r -> r.requests() > 0);
        if (metadata.isEmpty()) {
            return;
        }
        OperationResult m = metadata.get();
        md.append("\n## HTTP overhead\n\nEach HTTP operation against /metadata at the same concurrency: what the HTTP stack, Ssp headers ")
                .append("and JWT checks cost on their own. \"metadata share\" is metadata's mean latency over the operation's: the part of ")
                .append("the operation's time the trivial endpoint already takes.\n\n");
        md.append("| operation | throughput /s | metadata /s | throughput ratio (op/metadata) | metadata share of mean latency |\n")
                .append("|---|---:|---:|---:|---:|\n");
        for (OperationResult r : run.results()) {
            if (r == m || r.requests() == 0 || r.name().startsWith("kafka") || r.name().equals("111 journey")) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %.2f |%n", r.name(), TargetCheck.fmt(r.throughput()),
                    TargetCheck.fmt(m.throughput()), r.throughput() / m.throughput(), ratio(m.meanMillis(), r.meanMillis())));
        }
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }
}
