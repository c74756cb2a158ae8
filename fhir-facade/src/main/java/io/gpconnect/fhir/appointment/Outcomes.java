package io.gpconnect.fhir.appointment;

import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import io.gpconnect.schemas.event.AppointmentAmended;
import io.gpconnect.schemas.event.AppointmentBooked;
import io.gpconnect.schemas.event.AppointmentCancelled;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.schemas.event.CommandRejected;
import io.gpconnect.schemas.event.RejectionReason;

/** What the consumer is told about a decision: the appointment, or the Spine error for the rejection. */
final class Outcomes {
    private Outcomes() {
    }

    static io.gpconnect.schemas.appointment.Appointment appointmentOrThrow(AppointmentEvent event) {
        Object e = event.getEvent();
        if (e instanceof AppointmentBooked b) {
            return b.getAppointment();
        } else if (e instanceof AppointmentAmended a) {
            return a.getAppointment();
        } else if (e instanceof AppointmentCancelled c) {
            return c.getAppointment();
        }
        CommandRejected rejected = (CommandRejected) e;
        throw new GpConnectException(spineCode(rejected.getReason()), rejected.getDiagnostics());
    }

    /**
     * Unknown slots are INVALID_RESOURCE rather than REFERENCE_NOT_FOUND: the assurance suite expects that for
     * well-formed ids that do not exist too (spec §5.1, §11.6).
     */
    static SpineCode spineCode(RejectionReason reason) {
        return switch (reason) {
            case SLOT_NOT_FREE, APPOINTMENT_ALREADY_EXISTS -> SpineCode.DUPLICATE_REJECTED;
            case VERSION_MISMATCH -> SpineCode.FHIR_CONSTRAINT_VIOLATION;
            case APPOINTMENT_NOT_FOUND -> SpineCode.NO_RECORD_FOUND;
            default -> SpineCode.INVALID_RESOURCE;
        };
    }
}
