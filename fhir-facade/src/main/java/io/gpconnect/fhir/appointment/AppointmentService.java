package io.gpconnect.fhir.appointment;

import io.gpconnect.commands.CommandGateway;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import io.gpconnect.schemas.Requester;
import io.gpconnect.schemas.appointment.Appointment;
import io.gpconnect.schemas.command.AmendAppointment;
import io.gpconnect.schemas.command.AppointmentCommand;
import io.gpconnect.schemas.command.BookAppointment;
import io.gpconnect.schemas.command.CancelAppointment;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.store.ViewQueries;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Book, amend and cancel go to the engine as commands; reads come from the views. */
public final class AppointmentService {
    private static final Logger log = LoggerFactory.getLogger(AppointmentService.class);
    private final CommandGateway gateway;
    private final ViewQueries views;
    private final Clock clock;

    public AppointmentService(CommandGateway gateway, ViewQueries views, Clock clock) {
        this.gateway = gateway;
        this.views = views;
        this.clock = clock;
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
        AppointmentCommand envelope = AppointmentCommand.newBuilder()
                .setCommandId(UUID.randomUUID().toString())
                .setIssuedAt(clock.instant())
                .setRequester(requester)
                .setCommand(command)
                .build();
        AppointmentEvent event;
        try {
            event = gateway.submit(ods, envelope).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw new GpConnectException(SpineCode.INTERNAL_SERVER_ERROR, 503,
                        "The booking engine did not decide in time; the request may still take effect. "
                                + "Read the patient's appointments before retrying.");
            }
            // Not "failed": an unacknowledged command may still have reached the topic and be decided. The
            // broker's error is for the log, not for the consumer.
            log.warn("Command {} not acknowledged by the broker", envelope.getCommandId(), e.getCause());
            throw new GpConnectException(SpineCode.INTERNAL_SERVER_ERROR, 503,
                    "The booking engine is unavailable; the request may still take effect. "
                            + "Read the patient's appointments before retrying.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GpConnectException(SpineCode.INTERNAL_SERVER_ERROR, "Interrupted while awaiting the decision");
        }
        return Outcomes.appointmentOrThrow(event);
    }
}
