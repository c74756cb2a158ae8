package io.gpconnect.launcher.ops;

import io.gpconnect.commands.CommandGateway;
import io.gpconnect.schemas.command.AmendAppointment;
import io.gpconnect.schemas.command.AppointmentCommand;
import io.gpconnect.schemas.command.BookAppointment;
import io.gpconnect.schemas.event.AppointmentAmended;
import io.gpconnect.schemas.event.AppointmentBooked;
import io.gpconnect.schemas.event.AppointmentCancelled;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.schemas.event.CommandRejected;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * Commands by how their requester's wait ended: booked, amended, cancelled, rejected (with the reason code),
 * timed out (a 503 whose command may still be decided) or not sent. Unlike gpconnect.commands.decided, counted
 * as the views apply decisions, this sees the timeouts, and counts only this instance's requests.
 */
public final class CommandOutcomes implements CommandGateway.OutcomeObserver {
    private final MeterRegistry registry;

    public CommandOutcomes(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void answered(AppointmentCommand command, AppointmentEvent decision, Throwable failure) {
        String outcome;
        String reason = "none";
        if (decision != null) {
            Object e = decision.getEvent();
            if (e instanceof CommandRejected r) {
                outcome = "rejected";
                reason = r.getReason().name();
            } else {
                outcome = e instanceof AppointmentBooked ? "booked" : e instanceof AppointmentAmended ? "amended"
                        : e instanceof AppointmentCancelled ? "cancelled" : "unknown";
            }
        } else {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            outcome = cause instanceof TimeoutException ? "timed_out"
                    : cause instanceof CommandGateway.CommandNotAcknowledgedException ? "not_acknowledged" : "failed";
        }
        Counter.builder("gpconnect.commands.answered")
                .description("Commands submitted by this instance, by command, outcome (booked, amended, cancelled, rejected, timed_out, not_acknowledged) and rejection reason")
                .tag("command", kind(command))
                .tag("outcome", outcome)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    private static String kind(AppointmentCommand command) {
        Object c = command.getCommand();
        return c instanceof BookAppointment ? "book" : c instanceof AmendAppointment ? "amend" : "cancel";
    }
}
