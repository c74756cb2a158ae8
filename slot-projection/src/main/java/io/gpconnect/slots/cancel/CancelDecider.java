package io.gpconnect.slots.cancel;

import io.gpconnect.schemas.appointment.Appointment;
import io.gpconnect.schemas.appointment.AppointmentStatus;
import io.gpconnect.schemas.command.CancelAppointment;
import io.gpconnect.schemas.slot.SlotState;
import io.gpconnect.schemas.slot.SlotStatus;
import io.gpconnect.slots.ChangeRules;
import io.gpconnect.slots.Decision;
import io.gpconnect.slots.PracticeBook;
import io.gpconnect.slots.SlotChange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Cancel sets the status and reason only (spec §5.3), and gives the appointment's slots back. */
public final class CancelDecider {

    public Decision decide(String ods, CancelAppointment cancel, Instant now, PracticeBook practice) {
        Optional<Appointment> current = practice.appointment(ods, cancel.getAppointmentId());
        Optional<Decision> refused = ChangeRules.check(current, cancel.getAppointmentId(), cancel.getExpectedVersion(), now);
        if (refused.isPresent()) {
            return refused.get();
        }
        Appointment a = current.get();
        Appointment cancelled = Appointment.newBuilder(a)
                .setVersion(a.getVersion() + 1)
                .setLastUpdated(now)
                .setStatus(AppointmentStatus.CANCELLED)
                .setCancellationReason(cancel.getReason())
                .build();
        List<SlotChange> freed = new ArrayList<>();
        for (String slotId : a.getSlotIds()) {
            // A slot the practice has since withdrawn, or re-let, stays as the practice left it.
            practice.slot(ods, slotId)
                    .filter(s -> s.getStatus() == SlotStatus.BUSY && a.getId().equals(s.getAppointmentId()))
                    .ifPresent(s -> freed.add(new SlotChange(s, SlotState.newBuilder(s).setStatus(SlotStatus.FREE).setAppointmentId(null).build())));
        }
        return new Decision.Accepted(cancelled, freed);
    }
}
