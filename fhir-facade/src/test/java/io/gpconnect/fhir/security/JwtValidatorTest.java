package io.gpconnect.fhir.security;

import static io.gpconnect.fhir.error.GpConnectAssertions.assertBadRequest;
import static io.gpconnect.fhir.error.GpConnectAssertions.assertInvalidResource;
import static org.assertj.core.api.Assertions.assertThat;

import io.gpconnect.fhir.interaction.Interaction;
import io.gpconnect.fhir.interaction.RequestedScope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec §3: every rule of the bearer token. */
class JwtValidatorTest {

    private static final Interaction SLOTS = Interaction.SLOT_SEARCH; // organization/*.read, as §7.2

    private final JwtValidator validator = new JwtValidator(FhirContexts.DSTU3, Jwts.CLOCK);

    private JwtClaims validate(String bearer) {
        return validator.validate(bearer, SLOTS);
    }

    @Nested
    class Accepted {

        /** The example token of spec §7.2, byte for byte as printed. */
        private static final String SPEC_7_2_PAYLOAD = """
                {
                  "iss": "https://consumer.example.nhs.uk/",
                  "sub": "u-4821",
                  "aud": "https://provider.example.nhs.uk/A20047/STU3/1/gpconnect",
                  "exp": 1760000300,
                  "iat": 1760000000,
                  "reason_for_request": "directcare",
                  "requested_scope": "organization/*.read",
                  "requesting_device": {
                    "resourceType": "Device",
                    "identifier": [ { "system": "https://consumer.example.nhs.uk/Id/device-identifier", "value": "UC-DESK-07" } ],
                    "model": "Example Urgent Care Desktop",
                    "version": "4.2.1"
                  },
                  "requesting_organization": {
                    "resourceType": "Organization",
                    "identifier": [ { "system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "B81016" } ],
                    "name": "Example Urgent Care Centre"
                  },
                  "requesting_practitioner": {
                    "resourceType": "Practitioner",
                    "id": "u-4821",
                    "identifier": [
                      { "system": "https://fhir.nhs.uk/Id/sds-user-id", "value": "687227875014" },
                      { "system": "https://fhir.nhs.uk/Id/sds-role-profile-id", "value": "712345678901" },
                      { "system": "https://consumer.example.nhs.uk/Id/user-guid", "value": "0b7c5a34-3f0e-4c1f-9d2e-7a3b1c9e8f21" }
                    ],
                    "name": [ { "family": "Patel", "given": ["Asha"], "prefix": ["Dr"] } ]
                  }
                }""";

        @Test
        void the_spec_example_token_is_accepted_with_all_its_claims() {
            JwtClaims claims = validate("Bearer " + Jwts.encode(Jwts.HEADER, SPEC_7_2_PAYLOAD));

            assertThat(claims.issuer()).isEqualTo("https://consumer.example.nhs.uk/");
            assertThat(claims.subject()).isEqualTo("u-4821");
            assertThat(claims.audience()).containsExactly("https://provider.example.nhs.uk/A20047/STU3/1/gpconnect");
            assertThat(claims.issuedAt()).isEqualTo(Instant.ofEpochSecond(1760000000L));
            assertThat(claims.expiresAt()).isEqualTo(Instant.ofEpochSecond(1760000300L));
            assertThat(claims.requestedScope()).isEqualTo(RequestedScope.ORGANIZATION_READ);
            assertThat(claims.requester()).isEqualTo(
                    new Requester("B81016", "u-4821", "687227875014", Optional.of("712345678901")));
        }

        @Test
        void the_builder_default_token_is_accepted() {
            assertThat(validate(Jwts.valid().bearer()).subject()).isEqualTo("u-4821");
        }

        @Test
        void unk_sds_identifiers_are_accepted() {
            Requester requester = validate(Jwts.valid().practitioner(Jwts.UNK_PRACTITIONER).bearer()).requester();

            assertThat(requester.sdsUserId()).isEqualTo("UNK");
            assertThat(requester.sdsRoleProfileId()).contains("UNK");
        }

        @Test
        void a_practitioner_without_role_profile_or_local_id_is_accepted() {
            Requester requester =
                    validate(Jwts.valid().practitioner(Jwts.SDS_ID_ONLY_PRACTITIONER).bearer()).requester();

            assertThat(requester.sdsRoleProfileId()).isEmpty();
        }

        @Test
        void an_issue_time_200_seconds_in_the_future_is_accepted() {
            assertThat(validate(Jwts.valid().issuedAt(Jwts.NOW.plusSeconds(200)).bearer()).issuedAt())
                    .isEqualTo(Jwts.NOW.plusSeconds(200));
        }

        @Test
        void a_token_in_its_last_second_is_accepted() {
            assertThat(validate(Jwts.valid().issuedAt(Jwts.NOW.minusSeconds(300)).bearer()).expiresAt())
                    .isEqualTo(Jwts.NOW);
        }

        @Test
        void the_audience_is_not_compared_with_our_url() {
            assertThat(validate(Jwts.valid().claim("aud", "https://elsewhere.example/").bearer()).audience())
                    .containsExactly("https://elsewhere.example/");
        }

        @Test
        void the_scheme_name_ignores_case() {
            assertThat(validate("bearer " + Jwts.valid().token())).isNotNull();
        }
    }

    @Nested
    class TokenForm {

        @Test
        void raw_json_instead_of_base64url_is_rejected() {
            String unencoded = Jwts.HEADER + "." + Jwts.valid().payloadJson() + ".";
            assertBadRequest(() -> validate("Bearer " + unencoded));
        }

        @Test
        void padding_is_rejected() {
            String token = Jwts.valid().token();
            String[] parts = token.split("\\.");
            assertBadRequest(() -> validate("Bearer " + parts[0] + "==." + parts[1] + "."));
        }

        @Test
        void standard_base64_alphabet_is_rejected() {
            String token = Jwts.valid().token().replace('-', '+').replace('_', '/');
            String withSlash = token.contains("/") || token.contains("+") ? token : "ab/+" + token;
            assertBadRequest(() -> validate("Bearer " + withSlash));
        }

        @Test
        void a_token_without_the_trailing_dot_is_rejected() {
            String token = Jwts.valid().token();
            assertBadRequest(() -> validate("Bearer " + token.substring(0, token.length() - 1)));
        }

        @Test
        void a_signature_is_rejected() {
            assertBadRequest(() -> validate("Bearer " + Jwts.valid().token() + "c2lnbmF0dXJl"));
        }

        @Test
        void a_base64url_part_of_impossible_length_is_rejected() {
            String[] parts = Jwts.valid().token().split("\\.");
            String header = parts[0] + "A".repeat((5 - parts[0].length() % 4) % 4);
            assertThat(header.length() % 4).isEqualTo(1);
            assertBadRequest(() -> validate("Bearer " + header + "." + parts[1] + "."));
        }

        @Test
        void no_header_at_all_is_rejected() {
            assertBadRequest(() -> validate(null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Token abc.def.", "abc.def."})
        void anything_but_a_bearer_token_is_rejected(String authorization) {
            assertBadRequest(() -> validate(authorization));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                "{\"typ\":\"JWT\"}",
                "{\"alg\":\"none\"}",
                "{\"alg\":\"none\",\"typ\":\"JOSE+JSON\"}",
                "not json",
                "[]"})
        void a_header_other_than_alg_none_typ_jwt_is_rejected(String header) {
            assertBadRequest(() -> validate("Bearer " + Jwts.encode(header, Jwts.valid().payloadJson())));
        }

        @ParameterizedTest
        @ValueSource(strings = {"not json", "null", "[1,2]", "\"a string\"", "42", "{\"iss\": "})
        void claims_that_are_not_a_json_object_are_rejected(String payload) {
            assertBadRequest(() -> validate("Bearer " + Jwts.encode(Jwts.HEADER, payload)));
        }
    }

    @Nested
    class Claims {

        static Stream<String> requiredClaims() {
            return JwtValidator.REQUIRED.stream();
        }

        @ParameterizedTest
        @MethodSource("requiredClaims")
        void each_missing_claim_is_rejected(String claim) {
            assertThat(assertBadRequest(() -> validate(Jwts.valid().without(claim).bearer())).diagnostics())
                    .contains(claim);
        }

        @ParameterizedTest
        @MethodSource("requiredClaims")
        void each_null_claim_is_rejected(String claim) {
            String payload = Jwts.valid().without(claim).payloadJson().replaceFirst("^\\{", "{\"" + claim + "\":null,");
            assertBadRequest(() -> validate("Bearer " + Jwts.encode(Jwts.HEADER, payload)));
        }

        @Test
        void the_old_requested_record_claim_is_rejected() {
            assertBadRequest(() -> validate(Jwts.valid()
                    .claim("requested_record", Jwts.json("{\"resourceType\":\"Patient\"}")).bearer()));
        }

        @ParameterizedTest
        @ValueSource(longs = {299, 301, -1, 0, 3600})
        void a_lifetime_other_than_300_seconds_is_rejected(long lifetime) {
            assertThat(assertBadRequest(() -> validate(Jwts.valid().lifetime(lifetime).bearer())).diagnostics())
                    .contains("iat + 300");
        }

        @Test
        void an_expired_token_is_rejected() {
            // the suite's "consumer clock is slow 600s": iat = now - 600, exp = iat + 300
            assertThat(assertBadRequest(() -> validate(Jwts.valid().issuedAt(Jwts.NOW.minusSeconds(600)).bearer())).diagnostics())
                    .contains("expired");
        }

        @Test
        void a_token_one_second_past_expiry_is_rejected() {
            JwtValidator later = new JwtValidator(FhirContexts.DSTU3,
                    Clock.fixed(Jwts.NOW.plusSeconds(301), ZoneOffset.UTC));
            assertBadRequest(() -> later.validate(Jwts.valid().bearer(), SLOTS));
        }

        @ParameterizedTest
        @ValueSource(strings = {"exp", "iat"})
        void times_must_be_integer_seconds(String claim) {
            long value = ((Number) Jwts.json(Jwts.valid().payloadJson()).get(claim)).longValue();
            assertBadRequest(() -> validate(Jwts.valid().claim(claim, String.valueOf(value)).bearer()));
            assertBadRequest(() -> validate(Jwts.valid().claim(claim, value + 0.5).bearer()));
        }

        /** Such times once reached Instant.ofEpochSecond and came back as a 500. */
        @ParameterizedTest
        @ValueSource(longs = {31_556_889_864_403_200L, Long.MAX_VALUE - 300, 253_402_300_800L, -300})
        void a_time_outside_the_calendar_is_a_bad_request(long iat) {
            assertThat(assertBadRequest(() -> validate(Jwts.valid().claim("iat", iat).claim("exp", iat + 300).bearer())).diagnostics())
                    .contains("between 1970 and 9999");
            assertBadRequest(() -> validate(Jwts.valid().claim("exp", iat).bearer()));
        }

        /** A number HAPI would turn into a billion-digit integer must not reach it from a claim either. */
        @Test
        void a_huge_number_in_a_resource_claim_is_refused_not_expanded() {
            String payload = Jwts.valid().payloadJson();
            String huge = payload.replaceFirst("\"id\":\"u-4821\"", "\"id\":\"u-4821\",\"multipleBirthInteger\":1e999999999");
            assertThat(huge).as("the number is in the token as sent").isNotEqualTo(payload);
            var failure = org.assertj.core.api.Assertions.catchThrowable(() -> validate("Bearer " + Jwts.encode(Jwts.HEADER, huge)));
            assertThat(failure).isInstanceOf(io.gpconnect.fhir.error.GpConnectException.class);
            assertThat(((io.gpconnect.fhir.error.GpConnectException) failure).getStatusCode()).isBetween(400, 499);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " "})
        void an_empty_audience_is_rejected(String audience) {
            assertThat(assertBadRequest(() -> validate(Jwts.valid().claim("aud", audience).bearer())).diagnostics()).contains("aud");
            assertBadRequest(() -> validate(Jwts.valid().claim("aud", List.of()).bearer()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"DirectCare", "secondaryuses", ""})
        void a_reason_other_than_directcare_is_rejected(String reason) {
            assertBadRequest(() -> validate(Jwts.valid().claim("reason_for_request", reason).bearer()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"badScope", "", "organization/*.READ", "patient/*.*", "organization/*.read "})
        void an_unknown_scope_is_rejected(String scope) {
            assertBadRequest(() -> validate(Jwts.valid().scope(scope).bearer()));
        }

        @Test
        void a_scope_that_is_not_a_string_is_rejected() {
            assertBadRequest(() -> validate(Jwts.valid().claim("requested_scope", List.of("organization/*.read")).bearer()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"iss", "sub"})
        void an_empty_identity_claim_is_rejected(String claim) {
            assertBadRequest(() -> validate(Jwts.valid().claim(claim, " ").bearer()));
        }

        @Test
        void a_non_string_issuer_is_rejected() {
            assertBadRequest(() -> validate(Jwts.valid().claim("iss", 42).bearer()));
        }

        @Test
        void sub_must_equal_the_practitioner_id() {
            assertThat(assertBadRequest(() -> validate(Jwts.valid().claim("sub", "someone-else").bearer())).diagnostics())
                    .contains("sub");
        }

        @Test
        void a_practitioner_without_id_cannot_match_sub() {
            String noId = Jwts.PRACTITIONER.replace("\"id\":\"u-4821\",", "");
            assertBadRequest(() -> validate(Jwts.valid().practitioner(noId).bearer()));
        }

        @Test
        void the_organisation_must_carry_an_ods_code() {
            String noOds = Jwts.ORGANIZATION.replace("https://fhir.nhs.uk/Id/ods-organization-code",
                    "http://fhir.nhs.net/Id/someOtherCodingSystem");
            assertBadRequest(() -> validate(Jwts.valid().organization(noOds).bearer()));
        }

        @Test
        void the_practitioner_must_carry_an_sds_user_id() {
            String noSds = Jwts.SDS_ID_ONLY_PRACTITIONER.replace("https://fhir.nhs.uk/Id/sds-user-id",
                    "http://IdentifierServer/RandomId");
            assertBadRequest(() -> validate(Jwts.valid().practitioner(noSds).bearer()));
        }
    }

    /** Spec §3.2: the one scope each interaction accepts; anything else is 400. */
    @Nested
    class ScopePerInteraction {

        static Stream<Arguments> everyInteractionWithEveryScope() {
            return Arrays.stream(Interaction.values()).flatMap(interaction -> Arrays.stream(RequestedScope.values())
                    .map(scope -> Arguments.of(interaction, scope)));
        }

        @ParameterizedTest(name = "{0} with {1}")
        @MethodSource("everyInteractionWithEveryScope")
        void only_the_interaction_scope_is_accepted(Interaction interaction, RequestedScope scope) {
            String bearer = Jwts.valid().scope(scope.value()).bearer();
            if (scope == interaction.requiredScope()) {
                assertThat(validator.validate(bearer, interaction).requestedScope()).isEqualTo(scope);
            } else {
                assertBadRequest(() -> validator.validate(bearer, interaction));
            }
        }

        @Test
        void metadata_with_patient_read_is_rejected() {
            assertBadRequest(() -> validator.validate(Jwts.valid().scope("patient/*.read").bearer(),
                    Interaction.METADATA_READ));
        }

        @ParameterizedTest
        @ValueSource(strings = {"patient/*.write", "organization/*.write"})
        void retrieving_appointments_with_a_write_scope_is_rejected(String scope) {
            assertBadRequest(() -> validator.validate(Jwts.valid().scope(scope).bearer(),
                    Interaction.PATIENT_APPOINTMENTS_SEARCH));
        }

        @ParameterizedTest
        @EnumSource(value = RequestedScope.class, names = "PATIENT_WRITE", mode = EnumSource.Mode.EXCLUDE)
        void registering_a_patient_needs_patient_write(RequestedScope scope) {
            assertBadRequest(() -> validator.validate(Jwts.valid().scope(scope.value()).bearer(),
                    Interaction.PATIENT_REGISTER));
        }
    }

    /** Spec §3.1: claim resources must be valid STU3 resources of the right type, else 422. */
    @Nested
    class ClaimResources {

        private static final String INVALID_FIELD = ",\"invalidField\":\"Assurance Testing\"}";

        static Stream<Arguments> resourceClaims() {
            return Stream.of(
                    Arguments.of("requesting_device", Jwts.DEVICE),
                    Arguments.of("requesting_organization", Jwts.ORGANIZATION),
                    Arguments.of("requesting_practitioner", Jwts.PRACTITIONER));
        }

        @ParameterizedTest
        @MethodSource("resourceClaims")
        void an_unknown_element_is_an_invalid_resource(String claim, String resource) {
            String withExtraField = resource.substring(0, resource.lastIndexOf('}')) + INVALID_FIELD;
            assertThat(assertInvalidResource(() -> validate(Jwts.valid().claim(claim, Jwts.json(withExtraField)).bearer())).diagnostics())
                    .contains(claim);
        }

        @ParameterizedTest
        @MethodSource("resourceClaims")
        void an_unknown_resource_type_is_an_invalid_resource(String claim, String resource) {
            String renamed = resource.replaceFirst("\"resourceType\":\"\\w+\"", "\"resourceType\":\"InvalidResourceType\"");
            assertInvalidResource(() -> validate(Jwts.valid().claim(claim, Jwts.json(renamed)).bearer()));
        }

        @Test
        void a_patient_where_a_practitioner_is_expected_is_an_invalid_resource() {
            String patient = Jwts.PRACTITIONER.replace("\"Practitioner\"", "\"Patient\"");
            assertInvalidResource(() -> validate(Jwts.valid().practitioner(patient).bearer()));
        }

        @Test
        void an_organization_where_a_device_is_expected_is_an_invalid_resource() {
            assertInvalidResource(() -> validate(Jwts.valid().device(Jwts.ORGANIZATION).bearer()));
        }

        @Test
        void an_object_without_resource_type_is_an_invalid_resource() {
            assertInvalidResource(() -> validate(Jwts.valid().device("{\"model\":\"v1\"}").bearer()));
        }

        @Test
        void an_element_of_the_wrong_json_type_is_an_invalid_resource() {
            String badModel = Jwts.DEVICE.replace("\"model\":\"Example Urgent Care Desktop\"", "\"model\":{\"x\":1}");
            assertInvalidResource(() -> validate(Jwts.valid().device(badModel).bearer()));
        }

        @ParameterizedTest
        @MethodSource("resourceClaims")
        void a_resource_claim_that_is_not_a_json_object_is_a_bad_request(String claim, String resource) {
            // e.g. the resource sent as an escaped string rather than embedded JSON
            assertBadRequest(() -> validate(Jwts.valid().claim(claim, resource).bearer()));
        }
    }
}
