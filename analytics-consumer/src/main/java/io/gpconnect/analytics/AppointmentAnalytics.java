package io.gpconnect.analytics;

import io.gpconnect.schemas.event.AppointmentAmended;
import io.gpconnect.schemas.event.AppointmentBooked;
import io.gpconnect.schemas.event.AppointmentCancelled;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.schemas.event.CommandRejected;
import io.gpconnect.schemas.slot.SlotAvailabilityChanged;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per-practice daily figures, folded from the engine's published records and nothing else. Pure: the Kafka
 * side ({@link AnalyticsConsumer}) only feeds it, so every rule here is tested without a broker.
 *
 * <p>Thread-safe: one thread applies records while another (the JSON server) reads figures.
 */
public final class AppointmentAnalytics {
    private final ZoneId zone;
    private final Map<PracticeDay, DecisionTally> decisions = new HashMap<>();
    private final SlotBook slots = new SlotBook();
    /** The processor answers a re-delivered command by publishing its first event again: count each once. */
    private final Set<String> seenEventIds = new HashSet<>();

    /** @param zone where a practice's days begin and end (the engine's practices are in England) */
    public AppointmentAnalytics(ZoneId zone) {
        this.zone = zone;
    }

    /** A decision from gpc.appointment.events; {@code practiceOds} is the record key (every topic is keyed by it). */
    public synchronized void onEvent(String practiceOds, AppointmentEvent event) {
        if (practiceOds == null || !isAppointmentDecision(event.getEvent()) || !seenEventIds.add(event.getEventId())) {
            return;
        }
        PracticeDay day = new PracticeDay(practiceOds, event.getOccurredAt().atZone(zone).toLocalDate());
        DecisionTally tally = decisions.computeIfAbsent(day, d -> new DecisionTally());
        Object outcome = event.getEvent();
        if (outcome instanceof AppointmentBooked booked) {
            // occurredAt, not Appointment.created: created is whatever the consumer system put in its request.
            tally.addBooking(Duration.between(event.getOccurredAt(), booked.getAppointment().getStart()));
        } else if (outcome instanceof AppointmentAmended) {
            tally.addAmendment();
        } else if (outcome instanceof AppointmentCancelled) {
            tally.addCancellation();
        } else if (outcome instanceof CommandRejected rejected) {
            tally.addRejection(rejected.getReason());
        }
    }

    /**
     * The events topic also carries decisions that are not about appointments (patient registrations): they
     * are not this report's business and must not even open a practice day.
     */
    private static boolean isAppointmentDecision(Object outcome) {
        return outcome instanceof AppointmentBooked || outcome instanceof AppointmentAmended
                || outcome instanceof AppointmentCancelled || outcome instanceof CommandRejected;
    }

    /** A slot's new state from gpc.slot.availability; {@code practiceOds} is the record key. */
    public synchronized void onSlotChange(String practiceOds, SlotAvailabilityChanged change) {
        String practice = practiceOds != null ? practiceOds : change.getPracticeOds();
        slots.apply(practice, change.getSlot());
    }

    /** Every practice day with a decision or an offered slot, by practice then date. */
    public synchronized List<DailyFigures> figures() {
        Map<PracticeDay, SlotBook.Counts> slotCounts = slots.countsByDay(zone);
        Set<PracticeDay> days = new TreeSet<>(decisions.keySet());
        days.addAll(slotCounts.keySet());
        return days.stream().map(day -> figuresOf(day, decisions.get(day), slotCounts.get(day))).toList();
    }

    private static DailyFigures figuresOf(PracticeDay day, DecisionTally tally, SlotBook.Counts counts) {
        DecisionTally t = tally != null ? tally : new DecisionTally();
        SlotBook.Counts c = counts != null ? counts : new SlotBook.Counts(0, 0);
        Optional<LeadTime> leadTime = LeadTime.of(t.leadTimes());
        return new DailyFigures(day.practiceOds(), day.date(), t.booked(), t.amended(), t.cancelled(),
                t.rejectedByReason(), leadTime, c.offered(), c.booked());
    }
}
