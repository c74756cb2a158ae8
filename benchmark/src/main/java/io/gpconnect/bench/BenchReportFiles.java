package io.gpconnect.bench;

import io.gpconnect.bench.load.OperationResult;
import io.gpconnect.bench.report.EngineRun;
import io.gpconnect.bench.report.LatencyPlot;
import io.gpconnect.bench.report.MarkdownReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the report and its plot side by side, so the Markdown's relative image link works where it lies. */
final class BenchReportFiles {
    static final String REPORT = "report.md";
    static final String PLOT = "latency.svg";

    private final Path dir;

    BenchReportFiles(Path dir) {
        this.dir = dir;
    }

    Path write(String setup, List<EngineRun> runs) throws IOException {
        Files.createDirectories(dir);
        List<OperationResult> plotted = runs.get(0).results();
        Files.writeString(dir.resolve(PLOT), LatencyPlot.svg("Latency by percentile — " + runs.get(0).label(), plotted));
        Path report = dir.resolve(REPORT);
        Files.writeString(report, MarkdownReport.render(setup, runs, PLOT));
        return report;
    }
}
