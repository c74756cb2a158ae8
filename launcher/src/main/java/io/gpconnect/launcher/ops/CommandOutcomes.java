package io.gpconnect.launcher.ops;

import io.gpconnect.commands.CommandGateway;
import io.gpconnect.commands.CommandTiming;
import io.gpconnect.schemas.command.AmendAppointment;
import io.gpconnect.schemas.command.AppointmentCommand;
import io.gpconnect.schemas.command.BookAppointment;
import io.gpconnect.schemas.command.CancelAppointment;
import io.gpconnect.schemas.event.AppointmentAmended;
import io.gpconnect.schemas.event.AppointmentBooked;
import io.gpconnect.schemas.event.AppointmentCancelled;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.schemas.event.CommandRejected;
import io.gpconnect.schemas.event.PatientRegistered;
import io.gpconnect.schemas.event.PatientRegistrationRejected;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Where each command's wait went (gpconnect.command.stage, see {@link CommandTiming}), and commands by how their
 * requester's wait ended: booked, amended, cancelled, registered, rejected (with the reason code), timed out (a 503
 * whose command may still be decided) or not sent. Unlike gpconnect.commands.decided, counted
 * as the views apply decisions, this sees the timeouts, and counts only this instance's requests.
 */
public final class CommandOutcomes implements CommandGateway.OutcomeObserver {
    private static final List<String> KINDS = List.of("book", "amend", "cancel", "register");
    private final MeterRegistry registry;
    /** gpconnect.command.stage by command kind, then stage. */
    private final Map<String, Stages> stages = new HashMap<>();
    /** gpconnect.commands.answered by its tags: found here, not built and looked up in the registry per answer. */
    private final Map<Answer, Counter> answers = new ConcurrentHashMap<>();

    private record Answer(String kind, String outcome, String reason) {
    }

    public CommandOutcomes(MeterRegistry registry) {
        this.registry = registry;
        for (String kind : KINDS) {
            stages.put(kind, new Stages(stage(kind, "appended"), stage(kind, "queued"), stage(kind, "published"), stage(kind, "answered")));
        }
    }

    /** One timer of the stage breakdown, with a histogram so that its tail can be read per scrape interval. */
    private Timer stage(String kind, String stage) {
        return Timer.builder("gpconnect.command.stage")
                .description("How long this instance's commands spent in each stage: appended (sent to acknowledged), queued "
                        + "(acknowledged to decided), published (decided to held by the views), answered (sent to answered)")
                .tag("command", kind)
                .tag("stage", stage)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    private record Stages(Timer appended, Timer queued, Timer published, Timer answered) {
        void record(CommandTiming timing) {
            record(appended, timing.appended());
            record(queued, timing.queued());
            record(published, timing.published());
            record(answered, timing.answered());
        }

        private static void record(Timer timer, Duration d) {
            if (d != null) {
                timer.record(d);
            }
        }
    }

    @Override
    public void answered(AppointmentCommand command, AppointmentEvent decision, Throwable failure, CommandTiming timing) {
        String kind = kind(command);
        stages.get(kind).record(timing);
        String outcome;
        String reason = "none";
        if (decision != null) {
            Object e = decision.getEvent();
            if (e instanceof CommandRejected r) {
                outcome = "rejected";
                reason = r.getReason().name();
            } else if (e instanceof PatientRegistrationRejected r) {
                outcome = "rejected";
                reason = r.getReason().name();
            } else if (e instanceof PatientRegistered) {
                outcome = "registered";
            } else {
                outcome = e instanceof AppointmentBooked ? "booked" : e instanceof AppointmentAmended ? "amended"
                        : e instanceof AppointmentCancelled ? "cancelled" : "unknown";
            }
        } else {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            outcome = cause instanceof TimeoutException ? "timed_out"
                    : cause instanceof CommandGateway.CommandNotAcknowledgedException ? "not_acknowledged" : "failed";
        }
        answers.computeIfAbsent(new Answer(kind, outcome, reason), this::answeredCounter).increment();
    }

    private Counter answeredCounter(Answer a) {
        return Counter.builder("gpconnect.commands.answered")
                .description("Commands submitted by this instance, by command, outcome (booked, amended, cancelled, registered, rejected, timed_out, not_acknowledged) and rejection reason")
                .tag("command", a.kind())
                .tag("outcome", a.outcome())
                .tag("reason", a.reason())
                .register(registry);
    }

    private static String kind(AppointmentCommand command) {
        Object c = command.getCommand();
        return c instanceof BookAppointment ? "book" : c instanceof AmendAppointment ? "amend"
                : c instanceof CancelAppointment ? "cancel" : "register";
    }
}
