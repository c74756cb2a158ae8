package io.gpconnect.analytics;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The figures as a fixed-width text table, for a terminal. */
public final class FiguresTable {
    private static final String ROW = "%-8s %-10s %6s %7s %9s %8s %9s %11s %7s %6s %6s  %s%n";

    private FiguresTable() {
    }

    public static String render(List<DailyFigures> figures) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, ROW, "PRACTICE", "DATE", "BOOKED", "AMENDED", "CANCELLED", "REJECTED",
                "LEAD MEAN", "LEAD MEDIAN", "OFFERED", "FILLED", "UTIL", "REJECTIONS BY REASON"));
        for (DailyFigures f : figures) {
            out.append(String.format(Locale.ROOT, ROW, f.practiceOds(), f.date(), f.booked(), f.amended(), f.cancelled(),
                    f.rejected(),
                    f.leadTime().map(l -> duration(l.mean())).orElse("-"),
                    f.leadTime().map(l -> duration(l.median())).orElse("-"),
                    f.slotsOffered(), f.slotsBooked(),
                    f.utilisation().isPresent() ? String.format(Locale.ROOT, "%.0f%%", 100 * f.utilisation().getAsDouble()) : "-",
                    reasons(f)));
        }
        if (figures.isEmpty()) {
            out.append("(no decisions or offered slots yet)").append(System.lineSeparator());
        }
        return out.toString();
    }

    /** Days and hours for lead times of days, hours and minutes for shorter ones: what a practice plans in. */
    static String duration(Duration d) {
        if (d.isNegative()) {
            return "-" + duration(d.negated());
        }
        if (d.toDays() > 0) {
            return d.toDays() + "d " + d.toHoursPart() + "h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h " + d.toMinutesPart() + "m";
        }
        return d.toMinutes() + "m";
    }

    private static String reasons(DailyFigures f) {
        return f.rejectedByReason().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
