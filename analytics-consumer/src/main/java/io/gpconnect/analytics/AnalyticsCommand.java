package io.gpconnect.analytics;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;

/**
 * {@code gpconnect analytics}: per-practice daily booking figures from the published topics. With
 * {@code --once} it reads everything committed so far, prints and exits (a report); otherwise it keeps
 * following the topics, reprinting the table or serving JSON.
 */
@Command(name = "analytics", mixinStandardHelpOptions = true,
        description = {"Per-practice daily figures (booked, cancelled, rejected by reason, lead time, utilisation) "
                + "read from gpc.appointment.events and gpc.slot.availability with the registry's schemas."})
public final class AnalyticsCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS}",
            description = "Kafka cluster the engine writes to (env KAFKA_BOOTSTRAP_SERVERS); "
                    + "`gpconnect serve` prints its embedded one")
    String bootstrapServers;

    @Option(names = "--registry-url", defaultValue = "${env:APICURIO_REGISTRY_URL}",
            description = "Apicurio Registry v3 API URL (env APICURIO_REGISTRY_URL); `gpconnect serve` prints its embedded one")
    String registryUrl;

    @Option(names = "--from-beginning",
            description = "Count every decision ever made, not only those from now on (slot availability is always read whole)")
    boolean fromBeginning;

    @Option(names = "--once", description = "Read what is committed now, print once and exit")
    boolean once;

    @Option(names = "--json", description = "JSON instead of a table: printed with --once, otherwise served on --port")
    boolean json;

    @Option(names = "--port", defaultValue = "8090",
            description = "With --json: serve http://127.0.0.1:PORT/figures (0 picks a free port; default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--zone", defaultValue = "Europe/London", description = "Time zone of the practices' days (default ${DEFAULT-VALUE})")
    ZoneId zone;

    @Option(names = "--refresh-seconds", defaultValue = "10", description = "Table mode: reprint at most this often (default ${DEFAULT-VALUE})")
    int refreshSeconds;

    @Option(names = "--catch-up-seconds", defaultValue = "120", description = "How long to wait for the history to be read (default ${DEFAULT-VALUE})")
    int catchUpSeconds;

    @Spec
    CommandSpec spec;

    private final CountDownLatch finished = new CountDownLatch(1);

    public static void main(String[] args) {
        System.exit(new CommandLine(new AnalyticsCommand()).execute(args));
    }

    @Override
    public Integer call() {
        if (isBlank(bootstrapServers) || isBlank(registryUrl)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Name the Kafka cluster and the schema registry: --bootstrap-servers and --registry-url "
                            + "(or KAFKA_BOOTSTRAP_SERVERS and APICURIO_REGISTRY_URL)");
        }
        PrintWriter out = spec.commandLine().getOut();
        AppointmentAnalytics analytics = new AppointmentAnalytics(zone);
        try (AnalyticsConsumer consumer = new AnalyticsConsumer(bootstrapServers, registryUrl, fromBeginning, analytics)) {
            if (!consumer.readToEnd(Duration.ofSeconds(catchUpSeconds))) {
                spec.commandLine().getErr().println("Not caught up after " + catchUpSeconds + "s; figures so far:");
            }
            if (once) {
                print(out, analytics);
                return 0;
            }
            if (json) {
                try (FiguresServer server = FiguresServer.start(port, () -> FiguresJson.render(analytics.figures()))) {
                    out.println("Serving figures at " + server.url() + "  (Ctrl-C to stop)");
                    out.flush();
                    followUntilStopped(consumer, applied -> { });
                }
            } else {
                print(out, analytics);
                followUntilStopped(consumer, new Reprinter(out, analytics));
            }
            return 0;
        } finally {
            finished.countDown();
        }
    }

    /** Reprints the table when records arrived, at most every --refresh-seconds, so a busy topic stays readable. */
    private final class Reprinter implements IntConsumer {
        private final PrintWriter out;
        private final AppointmentAnalytics analytics;
        private long unprinted;
        private long lastPrinted = System.nanoTime();

        Reprinter(PrintWriter out, AppointmentAnalytics analytics) {
            this.out = out;
            this.analytics = analytics;
        }

        @Override
        public void accept(int applied) {
            unprinted += applied;
            if (unprinted > 0 && System.nanoTime() - lastPrinted >= Duration.ofSeconds(refreshSeconds).toNanos()) {
                out.println();
                print(out, analytics);
                unprinted = 0;
                lastPrinted = System.nanoTime();
            }
        }
    }

    /** Follows until Ctrl-C; the hook waits for {@link #call()} to close the consumer before the JVM goes. */
    private void followUntilStopped(AnalyticsConsumer consumer, IntConsumer afterPoll) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consumer.stop();
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gpconnect-analytics-shutdown"));
        consumer.follow(afterPoll);
    }

    private void print(PrintWriter out, AppointmentAnalytics analytics) {
        List<DailyFigures> figures = analytics.figures();
        out.print(json ? FiguresJson.render(figures) + System.lineSeparator() : FiguresTable.render(figures));
        out.flush();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
