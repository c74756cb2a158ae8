package io.gpconnect.launcher;

import io.gpconnect.schemas.appointment.Appointment;
import io.gpconnect.schemas.event.AppointmentBooked;
import io.gpconnect.schemas.event.AppointmentCancelled;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.schemas.event.CommandRejected;
import io.gpconnect.schemas.event.CommandType;
import io.gpconnect.topics.EngineSettings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a fault: does what the clients were told agree with what the engine committed? Reads every committed
 * decision on gpc.appointment.events (read_committed, as any consumer would) and checks:
 * <ul>
 *   <li>every command was decided at most once, and every answered request (201 or 409) was decided;</li>
 *   <li>every 201 is exactly one booked appointment, for the patient and slots the client asked for;</li>
 *   <li>nothing refused was booked: a request's bookings are at most its 201s plus its undetermined answers
 *       (503, no answer), so a booking only a 409 asked for fails the audit;</li>
 *   <li>no slot is held by two live appointments.</li>
 * </ul>
 * The views are checked separately, against a rebuild from the topics ({@link ViewDump}).
 */
final class BookingAudit {
    private final List<BookingAttempt> attempts;
    private final List<AppointmentEvent> events;

    private BookingAudit(List<BookingAttempt> attempts, List<AppointmentEvent> events) {
        this.attempts = attempts;
        this.events = events;
    }

    static BookingAudit of(EngineSettings settings, List<BookingAttempt> attempts) {
        return over(attempts, EventLog.readAll(settings));
    }

    /** The audit of given events, for checking the audit itself. */
    static BookingAudit over(List<BookingAttempt> attempts, List<AppointmentEvent> events) {
        return new BookingAudit(List.copyOf(attempts), List.copyOf(events));
    }

    List<AppointmentEvent> events() {
        return events;
    }

    List<Appointment> booked() {
        return events.stream().map(AppointmentEvent::getEvent).filter(AppointmentBooked.class::isInstance)
                .map(e -> ((AppointmentBooked) e).getAppointment()).toList();
    }

    List<CommandRejected> rejected() {
        return events.stream().map(AppointmentEvent::getEvent).filter(CommandRejected.class::isInstance)
                .map(CommandRejected.class::cast).toList();
    }

    BookingAudit assertConsistent() {
        oneOutcomePerCommand();
        every201IsOneBooking();
        nothingRefusedWasBooked();
        noSlotBookedTwice();
        return this;
    }

    private void oneOutcomePerCommand() {
        Map<String, Long> perCommand = events.stream()
                .collect(Collectors.groupingBy(AppointmentEvent::getCommandId, Collectors.counting()));
        assertThat(perCommand.entrySet()).as("commands decided more than once")
                .filteredOn(e -> e.getValue() > 1).isEmpty();
        long answered = attempts.stream().filter(a -> !a.undetermined()).count();
        long bookDecisions = events.stream().filter(BookingAudit::decidesABooking).map(AppointmentEvent::getCommandId).distinct().count();
        assertThat(bookDecisions).as("decided bookings: at least one per 201/409, at most one per request")
                .isBetween(answered, (long) attempts.size());
    }

    private void every201IsOneBooking() {
        Map<String, List<Appointment>> byId = booked().stream().collect(Collectors.groupingBy(Appointment::getId));
        for (BookingAttempt a : attempts) {
            if (a.booked()) {
                List<Appointment> found = byId.getOrDefault(a.appointmentId(), List.of());
                assertThat(found).as("committed bookings of the 201'd Appointment/" + a.appointmentId()).hasSize(1);
                assertThat(request(found.get(0))).as("what Appointment/" + a.appointmentId() + " books").isEqualTo(a.request());
            }
        }
        assertThat(byId.values()).as("appointment ids booked twice").allMatch(l -> l.size() == 1);
    }

    private void nothingRefusedWasBooked() {
        Map<String, Long> bookings = booked().stream().collect(Collectors.groupingBy(BookingAudit::request, Collectors.counting()));
        Map<String, List<BookingAttempt>> asked = attempts.stream().collect(Collectors.groupingBy(BookingAttempt::request));
        bookings.forEach((request, n) -> {
            List<BookingAttempt> askedFor = asked.getOrDefault(request, List.of());
            long ok = askedFor.stream().filter(BookingAttempt::booked).count();
            long maybe = askedFor.stream().filter(BookingAttempt::undetermined).count();
            assertThat(n).as("bookings of " + request + " (asked with " + statuses(askedFor) + ")").isBetween(ok, ok + maybe);
        });
    }

    private void noSlotBookedTwice() {
        Map<String, Appointment> live = new HashMap<>();
        for (AppointmentEvent e : events) {
            if (e.getEvent() instanceof AppointmentBooked b) {
                live.put(b.getAppointment().getId(), b.getAppointment());
            } else if (e.getEvent() instanceof AppointmentCancelled c) {
                live.remove(c.getAppointment().getId());
            }
        }
        Map<String, List<String>> holders = new HashMap<>();
        live.values().forEach(a -> a.getSlotIds().forEach(s -> holders.computeIfAbsent(s, k -> new ArrayList<>()).add(a.getId())));
        assertThat(holders.entrySet()).as("slots held by two live appointments").filteredOn(e -> e.getValue().size() > 1).isEmpty();
    }

    /** Every 201'd appointment reads back through the facade (the answer was not ahead of the views). */
    BookingAudit assertReadable(GpConnectClient client) {
        for (BookingAttempt a : attempts) {
            if (a.booked()) {
                var read = client.get("/Appointment/" + a.appointmentId(), "rest:read:appointment-1", "patient/*.read");
                assertThat(read.statusCode()).as("read of 201'd Appointment/" + a.appointmentId() + ": " + read.body()).isEqualTo(200);
            }
        }
        return this;
    }

    private static boolean decidesABooking(AppointmentEvent e) {
        return e.getEvent() instanceof AppointmentBooked
                || e.getEvent() instanceof CommandRejected r && r.getCommandType() == CommandType.BOOK;
    }

    private static String request(Appointment a) {
        return a.getPatientId() + " " + a.getSlotIds();
    }

    private static Map<Integer, Long> statuses(List<BookingAttempt> attempts) {
        return attempts.stream().collect(Collectors.groupingBy(BookingAttempt::status, Collectors.counting()));
    }

    /** How many requests got each status: for messages, and for tests asserting the fault was felt. */
    static Map<Integer, Long> statusCounts(List<BookingAttempt> attempts) {
        return statuses(attempts);
    }
}
