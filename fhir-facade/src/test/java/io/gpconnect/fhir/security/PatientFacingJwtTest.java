package io.gpconnect.fhir.security;

import static io.gpconnect.fhir.error.GpConnectAssertions.assertBadRequest;
import static io.gpconnect.fhir.error.GpConnectAssertions.assertInvalidResource;
import static org.assertj.core.api.Assertions.assertThat;

import io.gpconnect.fhir.interaction.Interaction;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Patient-facing tokens: {@code requesting_patient} in place of {@code requesting_practitioner}, every other rule of
 * spec §3 unchanged, and a clinician token exactly as before.
 */
class PatientFacingJwtTest {
    static final String PATIENT = """
            {"resourceType":"Patient","id":"p-77",
             "identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9658218865"}],
             "name":[{"family":"Smith","given":["Jo"]}]}""";

    private final JwtValidator validator = new JwtValidator(FhirContexts.DSTU3, Jwts.CLOCK);

    private static Jwts.Builder patientToken(String patientJson) {
        return Jwts.valid().without("requesting_practitioner").claim("sub", "p-77")
                .claim("requesting_patient", Jwts.json(patientJson)).scope("patient/*.read");
    }

    private JwtClaims validate(Jwts.Builder token) {
        return validator.validate(token.bearer(), Interaction.APPOINTMENT_READ);
    }

    @Test
    void a_patient_token_names_the_patient_by_nhs_number() {
        Requester requester = validate(patientToken(PATIENT)).requester();
        assertThat(requester.patientFacing()).isTrue();
        assertThat(requester.patientNhsNumber()).contains("9658218865");
        assertThat(requester.organisationOdsCode()).isEqualTo("B81016");
        assertThat(requester.practitionerId()).isNull();
    }

    @Test
    void a_clinician_token_is_not_patient_facing() {
        Requester requester = validator.validate(Jwts.valid().scope("patient/*.read").bearer(), Interaction.APPOINTMENT_READ)
                .requester();
        assertThat(requester.patientFacing()).isFalse();
        assertThat(requester.patientNhsNumber()).isEmpty();
        assertThat(requester).isEqualTo(new Requester("B81016", "u-4821", "687227875014", Optional.of("712345678901")));
    }

    @Test
    void a_token_with_neither_user_claim_is_still_the_specs_400() {
        assertThat(assertBadRequest(() -> validate(Jwts.valid().without("requesting_practitioner").scope("patient/*.read")))
                .diagnostics()).contains("requesting_practitioner");
    }

    @Test
    void a_token_may_not_speak_for_a_practitioner_and_a_patient() {
        assertBadRequest(() -> validate(patientToken(PATIENT).practitioner(Jwts.PRACTITIONER)));
    }

    @Test
    void sub_must_be_the_patients_id() {
        assertBadRequest(() -> validate(patientToken(PATIENT).claim("sub", "someone-else")));
    }

    @Test
    void the_patient_must_carry_a_valid_nhs_number() {
        assertBadRequest(() -> validate(patientToken(PATIENT.replace("9658218865", "9658218866"))));
        assertBadRequest(() -> validate(patientToken(PATIENT.replace("https://fhir.nhs.uk/Id/nhs-number", "urn:other"))));
    }

    @Test
    void the_patient_claim_must_be_a_valid_patient_resource() {
        assertInvalidResource(() -> validate(patientToken(PATIENT.replace("\"Patient\"", "\"Practitioner\""))));
        assertInvalidResource(() -> validate(patientToken(PATIENT.replace("\"name\"", "\"nonsense\""))));
    }

    @Test
    void the_scope_rule_applies_to_patients_too() {
        assertBadRequest(() -> validate(patientToken(PATIENT).scope("patient/*.write")));
    }

    @Test
    void the_old_requested_record_claim_stays_refused() {
        assertBadRequest(() -> validate(Jwts.valid().without("requesting_practitioner").scope("patient/*.read")
                .claim("requested_record", Jwts.json(PATIENT))));
    }
}
