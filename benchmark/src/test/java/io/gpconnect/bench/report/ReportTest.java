package io.gpconnect.bench.report;

import io.gpconnect.bench.load.CommandStages;
import io.gpconnect.bench.load.OperationResult;
import io.gpconnect.bench.load.OperationStats;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The report states each target as met, missed or not run, and the plot is an SVG with a line per operation. */
class ReportTest {

    @Test
    void markdownNamesEveryTargetAndTheOverheadRatios() {
        EngineRun eos = new EngineRun("exactly-once", "exactly_once_v2",
                List.of(result("metadata", 2_000), result("search 1-day", 1_500), result("kafka decisions", 5_000)), OptionalLong.of(800L << 20),
                "2 passes in 150 s; JIT compiler cores per pass: 0.61, 0.07", List.of("phase kafka ran out of free slots"));
        EngineRun alos = new EngineRun("at-least-once", "at_least_once", List.of(result("kafka decisions", 6_000)), OptionalLong.empty(), "", List.of());

        String md = MarkdownReport.render("setup", List.of(eos, alos), "latency.svg");

        assertThat(md).contains("| slot search, 1 day, demo practice | ≥ 1,000 /s |", "| booking over HTTP | ≥ 1,000 /s | not run | – |",
                "| memory of serve (peak RSS) | < 1536 MB | 800 MB | yes |", "## Exactly-once overhead", "## HTTP overhead",
                "![latency percentiles](latency.svg)", "Warm-up: 2 passes in 150 s; JIT compiler cores per pass: 0.61, 0.07.",
                "**Note:** phase kafka ran out of free slots");
        assertThat(md).containsPattern("\\| kafka decisions \\| [\\d,]+ \\| [\\d,]+ \\| \\d+\\.\\d\\d \\|");
        // No engine pid, no CPU figures: said so, not printed as NaN.
        assertThat(md).contains("| n/a | n/a | n/a |").doesNotContain("NaN");
    }

    @Test
    void theEnginesCpuIsSplitByThreadPerRequest() {
        OperationResult kafka = result("kafka decisions", 1_000).withCpu(new OperationResult.CpuUse(0.2, 0.05,
                java.util.Map.of("decision processor", 0.08, "views", 0.06)));
        EngineRun eos = new EngineRun("exactly-once", "exactly_once_v2", List.of(kafka), OptionalLong.empty(), "", List.of());

        String md = MarkdownReport.render("setup", List.of(eos), "latency.svg");

        assertThat(md).contains("| operation | decision processor | views | HTTP |", "| kafka decisions | 80 | 60 | 0 |");
        assertThat(md).contains("its latencies are mostly the queue behind that burst");
    }

    @Test
    void theEnginesStagesOfABookingRunAreReportedBesideTheBenchsLatency() {
        String before = stageBuckets(0, 0, 0);
        String after = stageBuckets(90, 99, 100);
        OperationResult book = result("book @500/s", 100).withEngineStages(
                CommandStages.parse(after).since(CommandStages.parse(before)));
        EngineRun eos = new EngineRun("exactly-once", "exactly_once_v2", List.of(book, result("metadata", 100)), OptionalLong.empty(), "", List.of());

        String md = MarkdownReport.render("setup", List.of(eos), "latency.svg");

        assertThat(book.engineStages().get("queued")).isEqualTo(new CommandStages.Figures(100, 5.0, 20.0));
        assertThat(md).contains("| operation | bookings | appended | queued | published | answered | bench p50 / p99 |",
                "| book @500/s | 100 | – | 5.0 / 20.0 | – | – |");
        assertThat(md).doesNotContain("| metadata | 0 |");
        assertThat(md).doesNotContain("queue behind that burst");
    }

    /** The engine's queued-stage histogram: cumulative counts at 5 ms, 20 ms and +Inf. */
    private static String stageBuckets(long upTo5ms, long upTo20ms, long all) {
        String prefix = "gpconnect_command_stage_seconds_bucket{command=\"book\",stage=\"queued\",le=";
        return "# TYPE gpconnect_command_stage_seconds histogram\n"
                + prefix + "\"0.005\"} " + upTo5ms + "\n" + prefix + "\"0.02\"} " + upTo20ms + "\n" + prefix + "\"+Inf\"} " + all + "\n"
                + "gpconnect_command_stage_seconds_bucket{command=\"cancel\",stage=\"queued\",le=\"+Inf\"} 7\n";
    }

    @Test
    void thePlotIsWellFormedSvgWithALinePerOperation() throws Exception {
        String svg = LatencyPlot.svg("Latency <test>", List.of(result("metadata", 100), result("search 1-day", 100)));

        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(2);
    }

    private static OperationResult result(String name, int requests) {
        OperationStats stats = OperationStats.expecting(name, 200);
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            stats.record(start - i * 1_000L, 200);
        }
        return stats.result();
    }
}
