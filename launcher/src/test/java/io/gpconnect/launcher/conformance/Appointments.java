package io.gpconnect.launcher.conformance;

import org.hl7.fhir.dstu3.model.Appointment;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking, reading and cancelling over HTTP, for tests whose subject is something else. Each test class keeps
 * the appointments it made and cancels those still booked when it ends, which frees their slots (spec §5.3)
 * for the test classes after it.
 */
final class Appointments {
    private final List<String> made = new ArrayList<>();

    static Reply book(Appointment body) {
        return Call.post("/Appointment", Gpc.BOOK, Fhir.json(body)).send();
    }

    Appointment booked(Appointment body) {
        Reply reply = book(body);
        SpineAssertions.assertStatus(reply, 201);
        Appointment appointment = reply.resource(Appointment.class);
        remember(appointment.getIdElement().getIdPart());
        return appointment;
    }

    /** For appointments booked by other means (XML, Prefer: return=minimal), so they are cleaned up too. */
    void remember(String id) {
        made.add(id);
    }

    /** The first free slot {@code daysAhead} days ahead, booked for the patient the suite's way. */
    Appointment booked(int daysAhead, String patientRef) {
        return booked(AppointmentBodies.forSlot(OpenSlots.first(daysAhead), patientRef));
    }

    static Reply read(String id) {
        return Call.get("/Appointment/" + id, Gpc.READ_APPOINTMENT).send();
    }

    static Appointment current(String id) {
        Reply reply = read(id);
        SpineAssertions.assertStatus(reply, 200);
        return reply.resource(Appointment.class);
    }

    static Reply cancel(Appointment current, String reason) {
        return Call.put("/Appointment/" + current.getIdElement().getIdPart(), Gpc.CANCEL,
                Fhir.json(AppointmentBodies.cancelling(current, reason))).send();
    }

    /** Cancels what this test class booked and is still booked. */
    void cancelRemaining() {
        for (String id : made) {
            Appointment appointment = current(id);
            if (appointment.getStatus() == Appointment.AppointmentStatus.BOOKED) {
                assertThat(cancel(appointment, "Conformance test clean-up").status).isEqualTo(200);
            }
        }
        made.clear();
    }
}
