package io.gpconnect.slots;

import io.gpconnect.schemas.appointment.Appointment;
import io.gpconnect.schemas.event.RejectionReason;

import java.util.List;

/** The outcome of deciding one command, before it is written to the stores and the event topics. */
public sealed interface Decision {

    /** The command is applied: the appointment's new state and the slots it changes. */
    record Accepted(Appointment appointment, List<SlotChange> slotChanges) implements Decision {
    }

    record Rejected(RejectionReason reason, String diagnostics) implements Decision {
    }

    static Decision reject(RejectionReason reason, String diagnostics) {
        return new Rejected(reason, diagnostics);
    }
}
