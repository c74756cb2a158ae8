package io.gpconnect.analytics;

import java.time.LocalDate;
import java.util.Comparator;

/** One practice on one calendar day: the unit every figure is reported by. */
public record PracticeDay(String practiceOds, LocalDate date) implements Comparable<PracticeDay> {
    private static final Comparator<PracticeDay> ORDER =
            Comparator.comparing(PracticeDay::practiceOds).thenComparing(PracticeDay::date);

    @Override
    public int compareTo(PracticeDay other) {
        return ORDER.compare(this, other);
    }
}
