package io.gpconnect.slots.amend;

import io.gpconnect.schemas.appointment.Appointment;
import io.gpconnect.schemas.command.AmendAppointment;
import io.gpconnect.slots.ChangeRules;
import io.gpconnect.slots.Decision;
import io.gpconnect.slots.PracticeBook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Amend may change only description and comment (spec §5.2); the facade refuses any other change first. */
public final class AmendDecider {

    public Decision decide(String ods, AmendAppointment amend, Instant now, PracticeBook practice) {
        Optional<Appointment> current = practice.appointment(ods, amend.getAppointmentId());
        Optional<Decision> refused = ChangeRules.check(current, amend.getAppointmentId(), amend.getExpectedVersion(), now);
        if (refused.isPresent()) {
            return refused.get();
        }
        Appointment a = current.get();
        Appointment amended = Appointment.newBuilder(a)
                .setVersion(a.getVersion() + 1)
                .setLastUpdated(now)
                .setDescription(amend.getDescription())
                .setComment(amend.getComment())
                .build();
        return new Decision.Accepted(amended, List.of());
    }
}
