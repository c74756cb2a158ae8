package io.gpconnect.fhir.security;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking, as the JWT states it (spec §3.1): the originating organisation and the logged-on user, who is
 * either a clinician ({@code requesting_practitioner}) or, for a patient-facing application, the patient
 * themself ({@code requesting_patient}, an extension of this provider: see {@link JwtValidator}).
 *
 * @param organisationOdsCode ODS code from {@code requesting_organization}
 * @param practitionerId      {@code requesting_practitioner.id}, equal to the JWT {@code sub}; null for a patient
 * @param sdsUserId           SDS user id, possibly the literal {@code UNK} the spec allows; null for a patient
 * @param sdsRoleProfileId    SDS role profile id, absent when the consumer sent none (also allowed)
 * @param patientNhsNumber    the NHS number of the patient a patient-facing token speaks for; absent for a clinician
 */
public record Requester(String organisationOdsCode, String practitionerId, String sdsUserId,
        Optional<String> sdsRoleProfileId, Optional<String> patientNhsNumber) {

    /** A clinician. */
    public Requester(String organisationOdsCode, String practitionerId, String sdsUserId,
            Optional<String> sdsRoleProfileId) {
        this(organisationOdsCode, practitionerId, sdsUserId, sdsRoleProfileId, Optional.empty());
    }

    public Requester {
        Objects.requireNonNull(sdsRoleProfileId, "sdsRoleProfileId");
        Objects.requireNonNull(patientNhsNumber, "patientNhsNumber");
    }

    /** A patient acting for themself through a patient-facing application. */
    public static Requester patient(String organisationOdsCode, String nhsNumber) {
        return new Requester(organisationOdsCode, null, null, Optional.empty(), Optional.of(nhsNumber));
    }

    /** True when the token speaks for a patient, whose access is limited to their own record. */
    public boolean patientFacing() {
        return patientNhsNumber.isPresent();
    }
}
