package io.gpconnect.fhir.security;

import io.gpconnect.fhir.interaction.Interaction;
import java.util.Optional;

/**
 * A request that passed the guard: which interaction it is and who sent it.
 *
 * <p>There is no patient-facing flag: GP Connect 1.2.7 defines no patient-access token form (no
 * {@code requesting_patient} claim), and {@code requesting_practitioner} is mandatory, so every
 * accepted request is clinician-facing.
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
