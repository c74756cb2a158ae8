package io.gpconnect.fhir.security;

import static io.gpconnect.fhir.error.GpConnectAssertions.assertBadRequest;
import static io.gpconnect.fhir.error.GpConnectAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gpconnect.fhir.error.SpineCode;
import io.gpconnect.fhir.interaction.Interaction;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §1.1 and §3 as one gate, including which failure wins when several apply. */
class RequestGuardTest {

    static final String PROVIDER_ASID = "918999198993";

    private final RequestGuard guard =
            new RequestGuard(PROVIDER_ASID, new JwtValidator(FhirContexts.DSTU3, Jwts.CLOCK));

    /** Headers of a valid request for the interaction, looked up ignoring case like a servlet container. */
    static Map<String, String> headersFor(Interaction interaction) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Ssp-TraceID", "3f2b8a4e-9c1d-4e5f-a6b7-0c8d9e1f2a3b");
        headers.put("Ssp-From", "200000000359");
        headers.put("Ssp-To", PROVIDER_ASID);
        headers.put("Ssp-InteractionID", interaction.interactionId());
        headers.put("Authorization", Jwts.valid().scope(interaction.requiredScope().value()).bearer());
        return headers;
    }

    private RequestContext check(String method, String path, Map<String, String> headers) {
        return guard.check(method, path, headers::get);
    }

    @ParameterizedTest
    @EnumSource(Interaction.class)
    void a_valid_request_for_each_interaction_is_accepted(Interaction interaction) {
        String path = interaction.path().template().replace("{id}", "42");

        RequestContext context = check(interaction.httpMethod(), path, headersFor(interaction));

        assertThat(context.interaction()).isEqualTo(interaction);
        assertThat(context.traceId()).isEqualTo("3f2b8a4e-9c1d-4e5f-a6b7-0c8d9e1f2a3b");
        assertThat(context.fromAsid()).isEqualTo("200000000359");
        assertThat(context.resourceId()).isEqualTo(interaction.path().hasId() ? Optional.of("42") : Optional.empty());
        assertThat(context.requester()).isEqualTo(
                new Requester("B81016", "u-4821", "687227875014", Optional.of("712345678901")));
        assertThat(context.claims().requestedScope()).isEqualTo(interaction.requiredScope());
    }

    @Test
    void amend_and_cancel_are_told_apart_by_the_header_alone() {
        assertThat(check("PUT", "Appointment/7", headersFor(Interaction.APPOINTMENT_AMEND)).interaction())
                .isEqualTo(Interaction.APPOINTMENT_AMEND);
        assertThat(check("PUT", "Appointment/7", headersFor(Interaction.APPOINTMENT_CANCEL)).interaction())
                .isEqualTo(Interaction.APPOINTMENT_CANCEL);
    }

    @Test
    void a_leading_slash_and_a_query_string_are_ignored() {
        RequestContext context = check("GET", "/Slot?start=ge2030-01-01&end=le2030-01-02",
                headersFor(Interaction.SLOT_SEARCH));

        assertThat(context.interaction()).isEqualTo(Interaction.SLOT_SEARCH);
    }

    @Test
    void headers_are_trimmed() {
        Map<String, String> headers = headersFor(Interaction.METADATA_READ);
        headers.put("Ssp-To", " " + PROVIDER_ASID + " ");

        assertThat(check("GET", "metadata", headers).interaction()).isEqualTo(Interaction.METADATA_READ);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ssp-TraceID", "Ssp-From", "Ssp-To", "Ssp-InteractionID", "Authorization"})
    void a_missing_header_is_a_bad_request(String name) {
        Map<String, String> headers = headersFor(Interaction.METADATA_READ);
        headers.remove(name);

        assertBadRequest(() -> check("GET", "metadata", headers));
    }

    @Test
    void an_unknown_interaction_id_is_a_bad_request() {
        Map<String, String> headers = headersFor(Interaction.METADATA_READ);
        headers.put("Ssp-InteractionID", "urn:nhs:names:services:gpconnect:fhir:rest:read:metadata");

        assertBadRequest(() -> check("GET", "metadata", headers));
    }

    /** Spec §1.1: the mismatches the assurance suite sends, each expecting 400 BAD_REQUEST. */
    @ParameterizedTest(name = "{0} on {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            urn:nhs:names:services:gpconnect:fhir:rest:search:organization-1  | GET | Patient/1/Appointment
            'urn:nhs:names:services:gpconnect:fhir:rest:search:organization-1 ' | GET | Patient/1/Appointment
            urn:nhs:names:services:gpconnect:fhir:rest:read:practitioner-1    | GET | Location/SIT1
            urn:nhs:names:services:gpconnect:fhir:rest:read:practitioner-1    | GET | Organization/1
            urn:nhs:names:services:gpconnect:fhir:rest:read:practitioner-1    | GET | Organization
            urn:nhs:names:services:gpconnect:fhir:rest:read:appointment-1     | PUT | Appointment/1
            urn:nhs:names:services:gpconnect:fhir:rest:update:appointment-1   | GET | Appointment/1
            urn:nhs:names:services:gpconnect:fhir:rest:read:patient-1         | GET | Patient/$gpc.registerpatient
            """)
    void an_interaction_id_inconsistent_with_verb_and_path_is_a_bad_request(String interactionId, String method,
            String path) {
        Map<String, String> headers = headersFor(Interaction.forInteractionId(interactionId.strip()).orElseThrow());
        headers.put("Ssp-InteractionID", interactionId);

        assertBadRequest(() -> check(method, path, headers));
    }

    /** Http.feature: wrong verbs and unknown paths with the metadata interaction id. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POST    | metadata
            PUT     | metadata
            PATCH   | metadata
            DELETE  | metadata
            OPTIONS | metadata
            GET     | metadatas
            POST    | metadatas
            PUT     | metadatas
            GET     | Metadata
            """)
    void unsupported_verbs_and_paths_are_bad_requests(String method, String path) {
        assertBadRequest(() -> check(method, path, headersFor(Interaction.METADATA_READ)));
    }

    @Test
    void another_providers_asid_is_a_bad_request() {
        Map<String, String> headers = headersFor(Interaction.METADATA_READ);
        headers.put("Ssp-To", "123456789123");

        assertThat(assertBadRequest(() -> check("GET", "metadata", headers)).diagnostics()).contains("Ssp-To");
    }

    @Test
    void the_token_is_checked_against_the_interaction_scope() {
        Map<String, String> headers = headersFor(Interaction.METADATA_READ);
        headers.put("Authorization", Jwts.valid().scope("patient/*.read").bearer());

        assertBadRequest(() -> check("GET", "metadata", headers));
    }

    @Test
    void a_bad_claim_resource_is_unprocessable() {
        Map<String, String> headers = headersFor(Interaction.METADATA_READ);
        headers.put("Authorization", Jwts.valid()
                .device(Jwts.DEVICE.replace("\"model\"", "\"invalidField\":\"x\",\"model\"")).bearer());

        assertFails(() -> check("GET", "metadata", headers), 422, SpineCode.INVALID_RESOURCE);
    }

    @Test
    void a_malformed_token_is_a_bad_request() {
        Map<String, String> headers = headersFor(Interaction.METADATA_READ);
        headers.put("Authorization", "Bearer " + Jwts.HEADER + "." + Jwts.valid().payloadJson() + ".");

        assertBadRequest(() -> check("GET", "metadata", headers));
    }

    /** AppointmentRead.feature: an empty id is 404, not 400. */
    @Test
    void an_empty_appointment_id_is_not_found() {
        assertFails(() -> check("GET", "Appointment/", headersFor(Interaction.APPOINTMENT_READ)),
                404, SpineCode.NO_RECORD_FOUND);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PATIENT_READ                | GET | Patient/a b               | PATIENT_NOT_FOUND
            PATIENT_APPOINTMENTS_SEARCH | GET | Patient//Appointment      | PATIENT_NOT_FOUND
            ORGANIZATION_READ           | GET | Organization/x~y          | ORGANISATION_NOT_FOUND
            PRACTITIONER_READ           | GET | Practitioner/             | PRACTITIONER_NOT_FOUND
            LOCATION_READ               | GET | Location/%41              | NO_RECORD_FOUND
            APPOINTMENT_CANCEL          | PUT | Appointment/              | NO_RECORD_FOUND
            """)
    void an_id_that_cannot_exist_is_not_found_with_the_resource_code(Interaction interaction, String method,
            String path, SpineCode code) {
        assertFails(() -> check(method, path, headersFor(interaction)), 404, code);
    }

    @Test
    void an_id_longer_than_64_characters_is_not_found() {
        assertFails(() -> check("GET", "Appointment/" + "1".repeat(65), headersFor(Interaction.APPOINTMENT_READ)),
                404, SpineCode.NO_RECORD_FOUND);
    }

    @Test
    void ids_the_suite_expects_to_reach_the_provider_pass_the_guard() {
        for (String id : new String[] {"Invalid4321", "8888888888", "th.as.e", "11dd4.45-23", "null", "dd"}) {
            assertThat(check("GET", "Location/" + id, headersFor(Interaction.LOCATION_READ)).resourceId())
                    .contains(id);
        }
    }

    /** The order the suite relies on: headers, then interaction, then ASID, then JWT, then the id. */
    @Test
    void a_missing_header_is_reported_before_anything_else() {
        Map<String, String> headers = headersFor(Interaction.METADATA_READ);
        headers.remove("Ssp-From");
        headers.put("Ssp-InteractionID", "urn:unknown");
        headers.put("Ssp-To", "123456789123");
        headers.put("Authorization", "Bearer nonsense");

        assertThat(assertBadRequest(() -> check("PATCH", "metadata", headers)).diagnostics()).contains("Ssp-From");
    }

    @Test
    void the_interaction_is_reported_before_the_asid_and_the_token() {
        Map<String, String> headers = headersFor(Interaction.METADATA_READ);
        headers.put("Ssp-To", "123456789123");
        headers.put("Authorization", "Bearer nonsense");

        assertThat(assertBadRequest(() -> check("PATCH", "metadata", headers)).diagnostics())
                .contains("Ssp-InteractionID");
    }

    @Test
    void the_asid_is_reported_before_the_token() {
        Map<String, String> headers = headersFor(Interaction.METADATA_READ);
        headers.put("Ssp-To", "123456789123");
        headers.put("Authorization", Jwts.valid().device(Jwts.ORGANIZATION).bearer());

        assertThat(assertBadRequest(() -> check("GET", "metadata", headers)).diagnostics()).contains("Ssp-To");
    }

    @Test
    void the_token_is_reported_before_an_impossible_id() {
        Map<String, String> headers = headersFor(Interaction.APPOINTMENT_READ);
        headers.put("Authorization", "Bearer nonsense");

        assertBadRequest(() -> check("GET", "Appointment/", headers));
    }

    @Test
    void the_provider_asid_is_required() {
        JwtValidator validator = new JwtValidator(FhirContexts.DSTU3, Jwts.CLOCK);
        assertThatThrownBy(() -> new RequestGuard(" ", validator)).isInstanceOf(IllegalArgumentException.class);
    }
}
