package io.gpconnect.launcher.conformance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.gpconnect.launcher.conformance.SpineAssertions.assertError;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertStatus;

/** The bearer token (spec §3; suite JWT.feature, all against /metadata as the suite does). */
class JwtTest {

    private static Reply metadata(Jwt jwt) {
        return Call.get("/metadata", Gpc.METADATA).jwt(jwt).send();
    }

    private static Jwt valid() {
        return Jwt.forScope(Gpc.Scope.ORGANIZATION_READ);
    }

    @Test
    void acceptsTheSuitesDefaultToken() {
        assertStatus(metadata(valid()), 200);
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"iss", "sub", "aud", "exp", "iat", "reason_for_request", "requested_scope",
            "requesting_device", "requesting_organization", "requesting_practitioner"})
    void needsEveryClaim(String claim) {
        assertError(metadata(valid().without(claim)), 400, "BAD_REQUEST");
    }

    @ParameterizedTest(name = "exp = iat + {0}")
    @ValueSource(ints = {299, 301, -1, 0})
    void needsAnExpiryOfExactlyFiveMinutes(int seconds) {
        assertError(metadata(valid().lifetime(seconds)), 400, "BAD_REQUEST");
    }

    @Test
    void acceptsACreationTimeInTheFuture() {
        assertStatus(metadata(valid().issuedAt(Instant.now().getEpochSecond() + 200)), 200);
    }

    @Test
    void rejectsAnExpiredToken() {
        assertError(metadata(valid().issuedAt(Instant.now().getEpochSecond() - 600)), 400, "BAD_REQUEST");
    }

    /** Spec §3.2: each interaction takes exactly one scope; the suite enforces it on several. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(Gpc.class)
    void refusesEveryInteractionWithAnotherScope(Gpc interaction) {
        String wrong = interaction.scope.equals(Gpc.Scope.ORGANIZATION_READ) ? Gpc.Scope.PATIENT_READ : Gpc.Scope.ORGANIZATION_READ;
        Reply reply = Call.method(interaction.method, interaction.examplePath, interaction).jwt(Jwt.forScope(wrong)).send();
        assertError(reply, 400, "BAD_REQUEST");
    }

    @Test
    void needsDirectCare() {
        assertError(metadata(valid().with("reason_for_request", "secondaryuses")), 400, "BAD_REQUEST");
    }

    @Test
    void needsAGpConnectScope() {
        assertError(metadata(valid().with("requested_scope", "badScope")), 400, "BAD_REQUEST");
    }

    @Test
    void needsSubToBeTheRequestingPractitionerId() {
        assertError(metadata(valid().with("sub", "2")), 400, "BAD_REQUEST");
    }

    @Test
    void rejectsTheGpConnect0xRequestedRecordClaim() {
        assertError(metadata(valid().with("requested_record", Map.of("resourceType", "Patient"))), 400, "BAD_REQUEST");
    }

    @Test
    void acceptsAnyAudience() {
        assertStatus(metadata(valid().with("aud", "https://provider.example.nhs.uk/A20047/STU3/1")), 200);
    }

    /** Suite #224: UNK identifiers, and a practitioner with neither role profile nor local id, are accepted. */
    @Test
    void acceptsUnknownAndMinimalPractitionerIdentifiers() {
        assertStatus(metadata(valid().with("requesting_practitioner", Jwt.practitioner(List.of(
                Jwt.identifier(Jwt.SDS_USER_ID, "UNK"), Jwt.identifier(Jwt.SDS_ROLE_PROFILE_ID, "UNK"))))), 200);
        assertStatus(metadata(valid().with("requesting_practitioner", Jwt.practitioner(List.of(
                Jwt.identifier(Jwt.SDS_USER_ID, "GCASDS0001"))))), 200);
    }

    /** Spec §3.1/§11.3: the suite expects 422 for a claim resource with an unknown element or the wrong type. */
    @ParameterizedTest(name = "{0} with {1} = {2}")
    @CsvSource({"requesting_device,invalidField,Assurance Testing", "requesting_organization,invalidField,Assurance Testing",
            "requesting_practitioner,invalidField,Assurance Testing", "requesting_device,resourceType,InvalidResourceType",
            "requesting_organization,resourceType,InvalidResourceType", "requesting_practitioner,resourceType,InvalidResourceType",
            "requesting_practitioner,resourceType,Patient"})
    void answersAnInvalidClaimResourceWith422(String claim, String element, String value) {
        Jwt jwt = valid();
        jwt.claim(claim).put(element, value);
        assertError(metadata(jwt), 422, "INVALID_RESOURCE");
    }

    @Test
    void rejectsATokenThatIsNotBase64Url() {
        Reply reply = Call.get("/metadata", Gpc.METADATA).header("Authorization", "Bearer " + valid().unencoded()).send();
        assertError(reply, 400, "BAD_REQUEST");
    }

    @Test
    void rejectsATokenWithPaddingOrASignature() {
        String token = valid().encoded();
        assertError(Call.get("/metadata", Gpc.METADATA).header("Authorization", "Bearer " + token + "c2lnbmF0dXJl").send(),
                400, "BAD_REQUEST");
        String[] parts = token.split("\\.");
        assertError(Call.get("/metadata", Gpc.METADATA).header("Authorization", "Bearer " + parts[0] + "=." + parts[1] + ".").send(),
                400, "BAD_REQUEST");
    }

    @Test
    void needsTheBearerScheme() {
        assertError(Call.get("/metadata", Gpc.METADATA).header("Authorization", "Basic " + valid().encoded()).send(),
                400, "BAD_REQUEST");
    }

    @Test
    void needsTheUnsignedJwtHeader() {
        assertError(metadata(valid().header(Map.of("alg", "HS256", "typ", "JWT"))), 400, "BAD_REQUEST");
    }
}
