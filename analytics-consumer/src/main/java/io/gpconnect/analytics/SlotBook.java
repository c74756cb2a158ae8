package io.gpconnect.analytics;

import io.gpconnect.schemas.slot.SlotState;
import io.gpconnect.schemas.slot.SlotStatus;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Every slot's latest state as gpc.slot.availability last reported it. That topic carries the slot's whole
 * state after each change (published, booked, cancelled, withdrawn), so the last record per slot is the truth
 * and nothing of the engine's slot rules has to be re-implemented here.
 */
final class SlotBook {
    /** Slots offered and booked through GP Connect on one practice day. */
    record Counts(int offered, int booked) {
        Counts plus(Counts other) {
            return new Counts(offered + other.offered, booked + other.booked);
        }
    }

    private final Map<String, SlotState> latest = new HashMap<>();
    private final Map<String, String> practiceOf = new HashMap<>();

    void apply(String practiceOds, SlotState slot) {
        String key = practiceOds + '|' + slot.getId();
        latest.put(key, slot);
        practiceOf.put(key, practiceOds);
    }

    Map<PracticeDay, Counts> countsByDay(ZoneId zone) {
        Map<PracticeDay, Counts> counts = new HashMap<>();
        latest.forEach((key, slot) -> {
            Counts c = count(slot);
            if (c.offered() > 0) {
                PracticeDay day = new PracticeDay(practiceOf.get(key), slot.getStart().atZone(zone).toLocalDate());
                counts.merge(day, c, Counts::plus);
            }
        });
        return counts;
    }

    /**
     * A slot counts as offered when GP Connect consumers could book it: free and bookable, or already booked
     * through GP Connect (which keeps it even if the practice later marks it not bookable). Slots the practice
     * filled itself (busy, no appointment of ours) and withdrawn slots were never on offer.
     */
    private static Counts count(SlotState slot) {
        boolean bookedByUs = slot.getStatus() == SlotStatus.BUSY && slot.getAppointmentId() != null;
        boolean freeToBook = slot.getStatus() == SlotStatus.FREE && slot.getGpConnectBookable();
        return new Counts(bookedByUs || freeToBook ? 1 : 0, bookedByUs ? 1 : 0);
    }
}
