package io.gpconnect.bench.scale;

import java.time.LocalTime;
import java.util.List;
import java.util.stream.IntStream;

/**
 * National-scale synthetic data: {@code practices} practices, each with {@code practitioners} practitioners
 * who each have {@code slotsPerDay} ten-minute slots on every one of {@code days} days. The seeder (in the
 * launcher) publishes it through gpc.practice.feed; the bench finds it again by the same ODS codes.
 */
public record SyntheticScale(int practices, int practitioners, int slotsPerDay, int days) {
    public static final SyntheticScale NONE = new SyntheticScale(0, 0, 0, 0);
    public static final int SLOT_MINUTES = 10;
    public static final LocalTime DAY_START = LocalTime.of(8, 0);

    public SyntheticScale {
        if (practices < 0 || practices > 99_999 || practitioners < 0 || slotsPerDay < 0 || days < 0 || days > 14) {
            throw new IllegalArgumentException("Synthetic scale out of range: " + practices + " practices, " + days + " days");
        }
        if (slotsPerDay * SLOT_MINUTES > 16 * 60) {
            throw new IllegalArgumentException("At most " + 16 * 60 / SLOT_MINUTES + " slots a day fit between 08:00 and midnight");
        }
    }

    /** Synthetic ODS codes: 'Y' and five digits, the shape of a GP practice code in a prefix no real one uses here. */
    public static String odsCode(int index) {
        return String.format("Y%05d", index);
    }

    public List<String> odsCodes() {
        return IntStream.range(0, practices).mapToObj(SyntheticScale::odsCode).toList();
    }

    public LocalTime dayEnd() {
        return DAY_START.plusMinutes((long) slotsPerDay * SLOT_MINUTES);
    }

    public long slotsPerPractice() {
        return (long) practitioners * slotsPerDay * days;
    }

    public long slots() {
        return slotsPerPractice() * practices;
    }
}
