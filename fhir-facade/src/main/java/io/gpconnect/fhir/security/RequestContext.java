package io.gpconnect.fhir.security;

import io.gpconnect.fhir.interaction.Interaction;
import java.util.Optional;

/**
 * A request that passed the guard: which interaction it is and who sent it.
 *
 * <p>The requester is a clinician, or a patient when the token is patient-facing ({@link Requester#patientFacing()}).
 *
 * @param resourceId the logical id in the path (e.g. the patient of {@code Patient/{id}/Appointment}),
 *                   present and syntactically valid exactly when the interaction addresses one
 */
public record RequestContext(Interaction interaction, String traceId, String fromAsid,
        Optional<String> resourceId, JwtClaims claims) {

    public Requester requester() {
        return claims.requester();
    }
}
