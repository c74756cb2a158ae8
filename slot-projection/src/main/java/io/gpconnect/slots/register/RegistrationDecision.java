package io.gpconnect.slots.register;

import io.gpconnect.schemas.event.RegistrationRejectionReason;
import io.gpconnect.schemas.feed.PatientPublished;

/** The outcome of deciding one RegisterPatient command, before it is written to the stores and the event topic. */
public sealed interface RegistrationDecision {

    /** The patient as the practice now holds them: active, on a temporary registration. */
    record Registered(PatientPublished patient) implements RegistrationDecision {
    }

    record Refused(RegistrationRejectionReason reason, String diagnostics) implements RegistrationDecision {
    }
}
