package io.gpconnect.launcher.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unsigned bearer token of spec §3 with the claims the assurance suite sends by default (its JwtHelper and
 * FhirHelper), so a test can break exactly one rule at a time.
 */
final class Jwt {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String SDS_USER_ID = "https://fhir.nhs.uk/Id/sds-user-id";
    static final String SDS_ROLE_PROFILE_ID = "https://fhir.nhs.uk/Id/sds-role-profile-id";

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private Map<String, Object> header = Map.of("alg", "none", "typ", "JWT");

    private Jwt() {
    }

    static Jwt forScope(String scope) {
        Jwt jwt = new Jwt();
        long iat = Instant.now().getEpochSecond() - 2;
        jwt.claims.put("iss", "https://ConsumerSystemURL");
        jwt.claims.put("sub", "1");
        jwt.claims.put("aud", "https://authorize.fhir.nhs.net/token");
        jwt.claims.put("exp", iat + 300);
        jwt.claims.put("iat", iat);
        jwt.claims.put("reason_for_request", "directcare");
        jwt.claims.put("requested_scope", scope);
        jwt.claims.put("requesting_device", device());
        jwt.claims.put("requesting_organization", organization("GPCA0001"));
        jwt.claims.put("requesting_practitioner", practitioner(List.of(
                identifier(SDS_USER_ID, "GCASDS0001"),
                identifier(SDS_ROLE_PROFILE_ID, "112233445566"),
                identifier("https://consumersupplier.com/Id/user-guid", "98ed4f78-814d-4266-8d5b-cde742f3093c"))));
        return jwt;
    }

    Jwt without(String claim) {
        claims.remove(claim);
        return this;
    }

    Jwt with(String claim, Object value) {
        claims.put(claim, value);
        return this;
    }

    /** iat at the given moment and exp exactly 300 s later, as spec §3.1 requires. */
    Jwt issuedAt(long epochSeconds) {
        claims.put("iat", epochSeconds);
        claims.put("exp", epochSeconds + 300);
        return this;
    }

    Jwt lifetime(long seconds) {
        claims.put("exp", ((Number) claims.get("iat")).longValue() + seconds);
        return this;
    }

    Jwt header(Map<String, Object> value) {
        header = value;
        return this;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> claim(String name) {
        return (Map<String, Object>) claims.get(name);
    }

    /** {@code base64url(header).base64url(payload).} with an empty signature. */
    String encoded() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(json(header).getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(json(claims).getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** The suite's "not base 64 encoded" token: the raw JSON parts. */
    String unencoded() {
        return json(header) + "." + json(claims) + ".";
    }

    static Map<String, Object> device() {
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("resourceType", "Device");
        device.put("identifier", List.of(identifier("GPConnectTestSystem", "Client")));
        device.put("model", "v1");
        device.put("version", "1.1");
        return device;
    }

    static Map<String, Object> organization(String odsCode) {
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("resourceType", "Organization");
        organization.put("name", "GP Connect Assurance");
        organization.put("identifier", List.of(identifier(ODS_SYSTEM, odsCode)));
        return organization;
    }

    static Map<String, Object> practitioner(List<Map<String, Object>> identifiers) {
        Map<String, Object> practitioner = new LinkedHashMap<>();
        practitioner.put("resourceType", "Practitioner");
        practitioner.put("id", "1");
        practitioner.put("name", List.of(Map.of("family", "AssurancePractitioner", "given", List.of("AssuranceTest"),
                "prefix", List.of("Mr"))));
        practitioner.put("identifier", identifiers);
        return practitioner;
    }

    static Map<String, Object> identifier(String system, String value) {
        Map<String, Object> identifier = new LinkedHashMap<>();
        identifier.put("system", system);
        identifier.put("value", value);
        return identifier;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
