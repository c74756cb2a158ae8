package io.gpconnect.slots;

import io.gpconnect.schemas.command.AmendAppointment;
import io.gpconnect.schemas.command.AppointmentCommand;
import io.gpconnect.schemas.command.BookAppointment;
import io.gpconnect.schemas.command.CancelAppointment;
import io.gpconnect.schemas.command.RegisterPatient;
import io.gpconnect.schemas.event.AppointmentAmended;
import io.gpconnect.schemas.event.AppointmentBooked;
import io.gpconnect.schemas.event.AppointmentCancelled;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.schemas.event.CommandRejected;
import io.gpconnect.schemas.event.CommandType;
import io.gpconnect.schemas.event.PatientRegistered;
import io.gpconnect.schemas.event.PatientRegistrationRejected;
import io.gpconnect.slots.amend.AmendDecider;
import io.gpconnect.slots.book.BookingDecider;
import io.gpconnect.slots.cancel.CancelDecider;
import io.gpconnect.slots.register.RegistrationDecider;
import io.gpconnect.slots.register.RegistrationDecision;
import io.gpconnect.topics.Topics;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides every appointment command of the partition's practices, one at a time. Running under
 * exactly_once_v2, the store writes, the events and the input offset commit together or not at all, so each
 * command has exactly one outcome on gpc.appointment.events. When the transaction commits is {@link PacedCommits}'s
 * call.
 */
final class CommandProcessor implements Processor<String, AppointmentCommand, String, Object> {
    private static final Logger log = LoggerFactory.getLogger(CommandProcessor.class);
    /** How long a decided command id is remembered: the command topic's retention. */
    static final Duration DEDUP_RETENTION = Duration.ofDays(7);

    private final BookingDecider booking = new BookingDecider();
    private final AmendDecider amending = new AmendDecider();
    private final CancelDecider cancelling = new CancelDecider();
    private final RegistrationDecider registering = new RegistrationDecider();
    /**
     * Each event is serialised once, here: the same bytes go to gpc.appointment.events and into the decided
     * store, so answering a re-delivered command is a byte copy rather than a decode and a re-encode.
     */
    private final Serializer<AppointmentEvent> events;
    private ProcessorContext<String, Object> context;
    private SlotStores stores;

    CommandProcessor(Serializer<AppointmentEvent> events) {
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.stores = new SlotStores(context);
        context.schedule(Duration.ofMinutes(10), PunctuationType.WALL_CLOCK_TIME, this::forgetOldCommands);
    }

    @Override
    public void process(Record<String, AppointmentCommand> record) {
        String ods = record.key();
        AppointmentCommand command = record.value();
        log.debug("deciding {}", command == null ? null : command.getCommandId());
        if (ods == null || command == null) {
            log.warn("Skipping a command with no practice key or no value");
            return;
        }
        var earlier = stores.decided(command.getCommandId(), command.getIssuedAt());
        if (earlier.isPresent()) {
            // Delivered again (a retried send): answer with the first decision, change nothing.
            context.forward(new Record<>(ods, earlier.get(), record.timestamp()), SlotProjectionTopology.EVENTS_SINK);
            return;
        }
        Instant now = command.getIssuedAt();
        Object payload = command.getCommand();
        if (payload instanceof RegisterPatient register) {
            publish(record, command, register(ods, register, now));
            return;
        }
        CommandType type;
        Decision decision;
        String appointmentId;
        if (payload instanceof BookAppointment book) {
            type = CommandType.BOOK;
            appointmentId = book.getAppointmentId();
            decision = booking.decide(ods, book, now, stores);
        } else if (payload instanceof AmendAppointment amend) {
            type = CommandType.AMEND;
            appointmentId = amend.getAppointmentId();
            decision = amending.decide(ods, amend, now, stores);
        } else if (payload instanceof CancelAppointment cancel) {
            type = CommandType.CANCEL;
            appointmentId = cancel.getAppointmentId();
            decision = cancelling.decide(ods, cancel, now, stores);
        } else {
            log.warn("Skipping command {} of unknown type {}", command.getCommandId(), payload);
            return;
        }

        Object outcome;
        if (decision instanceof Decision.Accepted accepted) {
            stores.putAppointment(accepted.appointment());
            for (SlotChange change : accepted.slotChanges()) {
                stores.putSlot(ods, change.after());
                context.forward(new Record<>(ods, change.record(ods, now), record.timestamp()), SlotProjectionTopology.AVAILABILITY_SINK);
            }
            outcome = switch (type) {
                case BOOK -> new AppointmentBooked(accepted.appointment());
                case AMEND -> new AppointmentAmended(accepted.appointment());
                case CANCEL -> new AppointmentCancelled(accepted.appointment());
            };
        } else {
            Decision.Rejected rejected = (Decision.Rejected) decision;
            outcome = CommandRejected.newBuilder()
                    .setCommandType(type)
                    .setAppointmentId(appointmentId)
                    .setReason(rejected.reason())
                    .setDiagnostics(rejected.diagnostics())
                    .build();
        }
        publish(record, command, outcome);
    }

    /** A registered patient goes into the same patient store bookings read, so they can book straight away. */
    private Object register(String ods, RegisterPatient register, Instant now) {
        RegistrationDecision decision = registering.decide(ods, register, now, stores);
        if (decision instanceof RegistrationDecision.Registered registered) {
            stores.putPatient(ods, registered.patient());
            return new PatientRegistered(registered.patient());
        }
        RegistrationDecision.Refused refused = (RegistrationDecision.Refused) decision;
        return PatientRegistrationRejected.newBuilder()
                .setNhsNumber(register.getNhsNumber())
                .setReason(refused.reason())
                .setDiagnostics(refused.diagnostics())
                .build();
    }

    private void publish(Record<String, AppointmentCommand> record, AppointmentCommand command, Object outcome) {
        AppointmentEvent event = AppointmentEvent.newBuilder()
                .setEventId(command.getCommandId() + "/1")
                .setCommandId(command.getCommandId())
                .setOccurredAt(command.getIssuedAt())
                .setRequester(command.getRequester())
                .setEvent(outcome)
                // wall-clock time, unlike the decision's own "now" (the issue time): it is there to show queueing
                .setDecidedAt(Instant.now())
                .build();
        byte[] bytes = events.serialize(Topics.APPOINTMENT_EVENTS.name(), event);
        stores.putDecided(command.getCommandId(), command.getIssuedAt(), bytes);
        context.forward(new Record<>(record.key(), bytes, record.timestamp()), SlotProjectionTopology.EVENTS_SINK);
    }

    private void forgetOldCommands(long nowMillis) {
        int forgotten = stores.forgetDecidedBefore(Instant.ofEpochMilli(nowMillis).minus(DEDUP_RETENTION));
        if (forgotten > 0) {
            log.debug("Forgot {} command ids decided more than {} ago", forgotten, DEDUP_RETENTION);
        }
    }
}
