package io.gpconnect.bench.report;

import io.gpconnect.bench.load.OperationResult;
import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The latency percentile spectrum of every operation as an SVG: x is the percentile on the usual
 * "number of nines" scale (50%, 90%, 99%, 99.9%…), y the latency in milliseconds on a log scale, so a 1 ms
 * read and a 1 s queue fit one picture and the tail is as readable as the median.
 */
public final class LatencyPlot {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;
    private static final int LEFT = 70;
    private static final int RIGHT = 230;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final double MAX_NINES = 4; // 99.99%
    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
            "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173"};

    private LatencyPlot() {
    }

    public static String svg(String title, List<OperationResult> results) {
        List<OperationResult> plotted = results.stream().filter(r -> r.requests() > 0).toList();
        double minMs = 0.1;
        double maxMs = Math.max(1, plotted.stream().mapToDouble(OperationResult::maxMillis).max().orElse(1));
        double decadesLow = Math.floor(Math.log10(minMs));
        double decadesHigh = Math.ceil(Math.log10(maxMs));
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH, HEIGHT));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"16\">%s</text>%n", LEFT, escape(title)));
        for (double d = decadesLow; d <= decadesHigh; d++) {
            double y = y(Math.pow(10, d), decadesLow, decadesHigh);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", LEFT, y, WIDTH - RIGHT, y));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n", LEFT - 6, y + 4, label(Math.pow(10, d))));
        }
        String[] ticks = {"0%", "90%", "99%", "99.9%", "99.99%"};
        for (int n = 0; n <= MAX_NINES; n++) {
            double x = x(n);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", x, TOP, x, HEIGHT - BOTTOM));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, HEIGHT - BOTTOM + 18, ticks[n]));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n",
                (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 12));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n",
                LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM));
        for (int i = 0; i < plotted.size(); i++) {
            OperationResult r = plotted.get(i);
            String colour = COLOURS[i % COLOURS.length];
            s.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\" points=\"%s\"/>%n",
                    colour, points(r, decadesLow, decadesHigh)));
            int ly = TOP + 14 + i * 18;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>%n",
                    WIDTH - RIGHT + 12, ly - 4, WIDTH - RIGHT + 32, ly - 4, colour));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", WIDTH - RIGHT + 38, ly, escape(r.name())));
        }
        return s.append("</svg>\n").toString();
    }

    private static String points(OperationResult r, double decadesLow, double decadesHigh) {
        List<String> pts = new ArrayList<>();
        for (HistogramIterationValue v : r.latencyMicros().percentiles(5)) {
            double p = Math.min(v.getPercentileLevelIteratedTo() / 100.0, 1 - Math.pow(10, -MAX_NINES));
            double nines = -Math.log10(1 - p);
            double ms = Math.max(0.1, r.latencyMicros().highestEquivalentValue(v.getValueIteratedTo()) / 1000.0);
            pts.add(String.format(Locale.ROOT, "%.1f,%.1f", x(nines), y(ms, decadesLow, decadesHigh)));
        }
        return String.join(" ", pts);
    }

    private static double x(double nines) {
        return LEFT + (WIDTH - LEFT - RIGHT) * Math.min(nines, MAX_NINES) / MAX_NINES;
    }

    private static double y(double ms, double decadesLow, double decadesHigh) {
        double f = (Math.log10(ms) - decadesLow) / (decadesHigh - decadesLow);
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * f;
    }

    private static String label(double ms) {
        return ms < 1 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.0f", ms);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
