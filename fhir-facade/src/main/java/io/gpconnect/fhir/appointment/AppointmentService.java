package io.gpconnect.fhir.appointment;

import io.gpconnect.commands.CommandGateway;
import io.gpconnect.fhir.engine.EngineDecisions;
import io.gpconnect.schemas.Requester;
import io.gpconnect.schemas.appointment.Appointment;
import io.gpconnect.schemas.command.AmendAppointment;
import io.gpconnect.schemas.command.BookAppointment;
import io.gpconnect.schemas.command.CancelAppointment;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.store.ViewQueries;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Book, amend and cancel go to the engine as commands; reads come from the views. */
public final class AppointmentService {
    private final EngineDecisions decisions;
    private final ViewQueries views;

    public AppointmentService(CommandGateway gateway, ViewQueries views, Clock clock) {
        this.decisions = new EngineDecisions(gateway, clock);
        this.views = views;
    }

    public Optional<Appointment> read(String ods, String id) {
        return views.appointment(ods, id);
    }

    public Appointment book(String ods, BookAppointment book, Requester requester) {
        return decide(ods, book, requester);
    }

    public Appointment amend(String ods, String id, Long expectedVersion, String description, String comment, Requester requester) {
        return decide(ods, AmendAppointment.newBuilder().setAppointmentId(id).setExpectedVersion(expectedVersion)
                .setDescription(description).setComment(comment).build(), requester);
    }

    public Appointment cancel(String ods, String id, Long expectedVersion, String reason, Requester requester) {
        return decide(ods, CancelAppointment.newBuilder().setAppointmentId(id).setExpectedVersion(expectedVersion)
                .setReason(reason).build(), requester);
    }

    public static String newAppointmentId() {
        return UUID.randomUUID().toString();
    }

    private Appointment decide(String ods, Object command, Requester requester) {
        AppointmentEvent event = decisions.decide(ods, command, requester, "Read the patient's appointments before retrying.");
        return Outcomes.appointmentOrThrow(event);
    }
}
