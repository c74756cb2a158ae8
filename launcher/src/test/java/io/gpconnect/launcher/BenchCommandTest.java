package io.gpconnect.launcher;

import io.gpconnect.bench.BenchCommand;
import io.gpconnect.launcher.bench.ServeProcess;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `./gpconnect bench` runs end to end in a tiny configuration: engines started, every run made, report written. */
class BenchCommandTest {

    @Test
    void aTinyBenchRunsEveryPhaseAndWritesItsReport() throws Exception {
        Path out = Files.createTempDirectory("gpconnect-bench-test-");

        int exit = new CommandLine(new BenchCommand(new ServeProcess())).execute(
                "--practices", "3", "--engine-warm-up", "0.8", "--engine-warm-up-max", "1.6", "--warm-up", "0.2", "--duration", "0.5", "--max-requests", "40",
                "--workers", "2", "--booking-workers", "4", "--booking-rate", "20", "--race-clients", "4", "--race-slots", "2",
                "--kafka-commands", "60", "--alos-phases", "kafka", "--out", out.toString());

        assertThat(exit).isZero();
        String report = Files.readString(out.resolve("report.md"));
        assertThat(report).contains("## Targets", "| metadata |", "| search 1-day |", "| search 14-day |", "| book (closed loop) |",
                "| book @20/s |", "| race book |", "| 111 journey |", "| kafka decisions |", "## Exactly-once overhead", "## HTTP overhead",
                "every phase run unrecorded for PT0.8S a pass");
        assertThat(report).containsPattern("Warm-up: every phase for 0\\.1 s a pass, not recorded, \\d+ pass\\(es\\) in \\d+ s; JIT compiler cores per pass: \\d+\\.\\d\\d");
        // the engine's own account of where each booking run's bookings waited, read from its /metrics
        assertThat(report).contains("| operation | bookings | appended | queued | published | answered | bench p50 / p99 |");
        assertThat(report).containsPattern("\\| book @20/s \\| [1-9]\\d* \\|( [\\d.]+ / [\\d.]+ \\|){5}");
        assertThat(Files.readString(out.resolve("latency.svg"))).startsWith("<svg");
    }

    /** Mistaken options are one line and exit 2 before any engine starts or any slot is searched for, not a stack trace minutes later. */
    @Test
    void mistakenOptionsAreOneLineUsageErrorsBeforeAnythingStarts() {
        StringWriter err = new StringWriter();
        CommandLine cli = io.gpconnect.launcher.GpConnectCli.commandLine(Map.of());
        cli.setErr(new PrintWriter(err));

        int misspelt = cli.execute("bench", "--phases", "metadata,serch1");
        int alosMisspelt = cli.execute("bench", "--phases", "metadata", "--alos-phases", "kafak");
        int noKafka = cli.execute("bench", "--target", "http://127.0.0.1:1/A20047/STU3/1/gpconnect");

        assertThat(misspelt).isEqualTo(2);
        assertThat(alosMisspelt).isEqualTo(2);
        assertThat(noKafka).isEqualTo(2);
        assertThat(err.toString()).contains("gpconnect bench: Unknown bench phase 'serch1' (metadata, search1, search14, book, book-rate, race, journey, kafka)",
                        "gpconnect bench: Unknown bench phase 'kafak'", "gpconnect bench: --target needs --bootstrap-servers and --registry-url")
                .doesNotContain("Exception", "\tat ");
        assertThat(err.toString().lines()).hasSize(3);
    }
}
