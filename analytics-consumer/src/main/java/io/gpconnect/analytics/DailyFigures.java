package io.gpconnect.analytics;

import io.gpconnect.schemas.event.RejectionReason;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One practice's figures for one day.
 *
 * <p>Two clocks meet in a row, on purpose: the decision counts and lead times belong to the day the engine
 * <em>decided</em> (when the booking was made), while the slot counts and utilisation belong to the day the
 * slots <em>take place</em>. "How busy were we on Tuesday" and "how full is Tuesday" are both per-day questions.
 *
 * @param booked           bookings accepted that day
 * @param amended          amendments accepted that day
 * @param cancelled        cancellations accepted that day
 * @param rejectedByReason commands rejected that day, by reason
 * @param leadTime         of that day's bookings; absent when there were none
 * @param slotsOffered     slots starting that day that GP Connect consumers could book (now or when booked)
 * @param slotsBooked      of those, the ones held by a GP Connect appointment now
 */
public record DailyFigures(String practiceOds, LocalDate date, int booked, int amended, int cancelled,
                           Map<RejectionReason, Integer> rejectedByReason, Optional<LeadTime> leadTime,
                           int slotsOffered, int slotsBooked) {

    public DailyFigures {
        // Kept in the schema's reason order, so tables and JSON list reasons the same way every time.
        EnumMap<RejectionReason, Integer> ordered = new EnumMap<>(RejectionReason.class);
        ordered.putAll(rejectedByReason);
        rejectedByReason = Collections.unmodifiableMap(ordered);
    }

    public int rejected() {
        return rejectedByReason.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Booked slots / slots offered; empty when the day offered none. */
    public OptionalDouble utilisation() {
        return slotsOffered == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) slotsBooked / slotsOffered);
    }
}
