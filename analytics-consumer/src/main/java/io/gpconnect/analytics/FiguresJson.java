package io.gpconnect.analytics;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures as JSON, written by hand: the shape is flat and fixed, and a JSON library would be this module's
 * only dependency outside the topic contract.
 *
 * <pre>{"figures":[{"practiceOds":"A20047","date":"2025-03-04","booked":2,"amended":0,"cancelled":1,
 *   "rejected":1,"rejectedByReason":{"SLOT_NOT_FREE":1},"leadTimeMeanMinutes":4320.0,
 *   "leadTimeMedianMinutes":4320.0,"slotsOffered":40,"slotsBooked":3,"utilisation":0.075}]}</pre>
 * Lead times and utilisation are {@code null} when there is nothing to average or divide by.
 */
public final class FiguresJson {
    private FiguresJson() {
    }

    public static String render(List<DailyFigures> figures) {
        return figures.stream().map(FiguresJson::row).collect(Collectors.joining(",", "{\"figures\":[", "]}"));
    }

    private static String row(DailyFigures f) {
        return "{"
                + "\"practiceOds\":" + string(f.practiceOds())
                + ",\"date\":" + string(f.date().toString())
                + ",\"booked\":" + f.booked()
                + ",\"amended\":" + f.amended()
                + ",\"cancelled\":" + f.cancelled()
                + ",\"rejected\":" + f.rejected()
                + ",\"rejectedByReason\":" + reasons(f.rejectedByReason())
                + ",\"leadTimeMeanMinutes\":" + f.leadTime().map(l -> minutes(l.mean())).orElse("null")
                + ",\"leadTimeMedianMinutes\":" + f.leadTime().map(l -> minutes(l.median())).orElse("null")
                + ",\"slotsOffered\":" + f.slotsOffered()
                + ",\"slotsBooked\":" + f.slotsBooked()
                + ",\"utilisation\":" + (f.utilisation().isPresent()
                        ? String.format(Locale.ROOT, "%.4f", f.utilisation().getAsDouble()) : "null")
                + "}";
    }

    private static String reasons(Map<?, Integer> byReason) {
        return byReason.entrySet().stream()
                .map(e -> string(e.getKey().toString()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String minutes(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 60_000.0);
    }

    static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
