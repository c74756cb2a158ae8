package io.gpconnect.slots;

import io.gpconnect.schemas.appointment.Appointment;
import io.gpconnect.schemas.appointment.AppointmentStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import static io.gpconnect.schemas.event.RejectionReason.*;

/**
 * The rules amend and cancel share (spec §5.2, §5.3, §2.9): the appointment exists, is still booked, has not
 * started, and it is still the version the change was made against (the consumer's If-Match, or else the version
 * the facade checked the request body against).
 */
public final class ChangeRules {
    private ChangeRules() {
    }

    /** Returns the rejection, if any, for changing {@code current}. */
    public static Optional<Decision> check(Optional<Appointment> current, String appointmentId, Long expectedVersion, Instant now) {
        if (current.isEmpty()) {
            return Optional.of(Decision.reject(APPOINTMENT_NOT_FOUND, "Appointment/" + appointmentId + " does not exist"));
        }
        Appointment a = current.get();
        if (a.getStatus() == AppointmentStatus.CANCELLED) {
            return Optional.of(Decision.reject(APPOINTMENT_CANCELLED, "Appointment/" + appointmentId + " is cancelled and cannot be changed"));
        }
        if (expectedVersion != null && expectedVersion != a.getVersion()) {
            return Optional.of(Decision.reject(VERSION_MISMATCH,
                    "Appointment/" + appointmentId + " is at version " + a.getVersion() + ", not version " + expectedVersion
                            + " that this change was made against: read it again"));
        }
        if (a.getStart().isBefore(now)) {
            return Optional.of(Decision.reject(APPOINTMENT_IN_PAST, "Appointment/" + appointmentId + " is in the past and cannot be changed"));
        }
        return Optional.empty();
    }

    /** The calendar day in the UK, which decides what counts as "in the past" for reads and searches. */
    public static LocalDate ukDate(Instant instant) {
        return instant.atZone(ZoneId.of("Europe/London")).toLocalDate();
    }
}
