package io.gpconnect.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the engine says its bookings waited: the histograms of its {@code gpconnect.command.stage} timers
 * (appended, queued, published, answered; see the engine's CommandTiming), read from {@code /metrics} before
 * and after a measured interval, those alone: a whole scrape took an engine booking 500 a second 0.25–0.45 s, held
 * the load generator the while, and the first second of the interval after it ran slow. Percentiles are the upper
 * bounds of the histogram's buckets, so within a fifth or so; enough to see which stage makes a slow answer slow.
 */
public final class CommandStages {
    public static final List<String> STAGES = List.of("appended", "queued", "published", "answered");
    private static final Pattern BUCKET = Pattern.compile(
            "^gpconnect_command_stage_seconds_bucket\\{command=\"book\",stage=\"(\\w+)\",le=\"([^\"]+)\"} (\\S+)$", Pattern.MULTILINE);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Each stage's cumulative bucket counts, by upper bound in seconds. */
    private final Map<String, TreeMap<Double, Double>> buckets;

    private CommandStages(Map<String, TreeMap<Double, Double>> buckets) {
        this.buckets = buckets;
    }

    /** The engine's histograms now; empty when it has none (an engine without them, or /metrics unreachable). */
    public static Optional<CommandStages> scrape(URI engine) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(engine.resolve("/metrics?name%5B%5D=gpconnect_command_stage_seconds")).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(parse(r.body())) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Reads the histograms from a Prometheus text scrape. */
    public static CommandStages parse(String metrics) {
        Map<String, TreeMap<Double, Double>> found = new LinkedHashMap<>();
        Matcher m = BUCKET.matcher(metrics);
        while (m.find()) {
            double le = m.group(2).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(2));
            found.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(le, Double.parseDouble(m.group(3)));
        }
        return new CommandStages(found);
    }

    /** The bookings between {@code earlier} and this scrape: each stage's count and p50/p99 in milliseconds. */
    public Map<String, Figures> since(CommandStages earlier) {
        Map<String, Figures> out = new LinkedHashMap<>();
        for (String stage : STAGES) {
            TreeMap<Double, Double> now = buckets.getOrDefault(stage, new TreeMap<>());
            TreeMap<Double, Double> then = earlier.buckets.getOrDefault(stage, new TreeMap<>());
            TreeMap<Double, Double> delta = new TreeMap<>();
            now.forEach((le, n) -> delta.put(le, n - then.getOrDefault(le, 0.0)));
            double count = delta.isEmpty() ? 0 : delta.lastEntry().getValue();
            if (count > 0) {
                out.put(stage, new Figures((long) count, percentileMillis(delta, count, 0.50), percentileMillis(delta, count, 0.99)));
            }
        }
        return out;
    }

    /** The smallest bucket bound holding the given share of the interval's counts. */
    private static double percentileMillis(TreeMap<Double, Double> cumulative, double count, double share) {
        for (Map.Entry<Double, Double> b : cumulative.entrySet()) {
            if (b.getValue() >= share * count) {
                return b.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** A stage over one interval: how many bookings passed it, and the bucket bounds of its p50 and p99 (ms). */
    public record Figures(long count, double p50Millis, double p99Millis) {
    }
}
