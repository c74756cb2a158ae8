package io.gpconnect.fhir.access;

import io.gpconnect.fhir.interaction.Interaction;
import java.util.EnumSet;
import java.util.Set;

/**
 * The interactions a patient-facing token may use at all: what a patient needs to find and book a slot for
 * themself (the practice directory, free slots) and their own record (find/read themself, their appointments,
 * book, read and cancel). Whose record it is is checked per request by {@link PatientAccess}.
 *
 * <p>Closed to patients: amend (description and comment are the practice's text about the consultation) and
 * register patient (a practice decision).
 */
final class PatientFacingInteractions {
    private static final Set<Interaction> OPEN = EnumSet.of(
            Interaction.METADATA_READ,
            Interaction.ORGANIZATION_SEARCH, Interaction.ORGANIZATION_READ,
            Interaction.PRACTITIONER_SEARCH, Interaction.PRACTITIONER_READ,
            Interaction.LOCATION_READ,
            Interaction.SLOT_SEARCH,
            Interaction.PATIENT_SEARCH, Interaction.PATIENT_READ, Interaction.PATIENT_APPOINTMENTS_SEARCH,
            Interaction.APPOINTMENT_BOOK, Interaction.APPOINTMENT_READ, Interaction.APPOINTMENT_CANCEL);

    private PatientFacingInteractions() {
    }

    static boolean open(Interaction interaction) {
        return OPEN.contains(interaction);
    }
}
