package io.gpconnect.fhir.security;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds GP Connect bearer tokens for tests. {@link #valid()} starts from the good token of spec §7.2
 * (times shifted to {@link #NOW}); every method changes one thing so a test shows the rule it breaks.
 */
public final class Jwts {

    /** The spec §7.2 example's iat; tests validate "now" at this instant unless they move the clock. */
    public static final Instant NOW = Instant.ofEpochSecond(1_760_000_000L);
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    public static final String HEADER = "{\"alg\":\"none\",\"typ\":\"JWT\"}";

    public static final String DEVICE = """
            {"resourceType":"Device",
             "identifier":[{"system":"https://consumer.example.nhs.uk/Id/device-identifier","value":"UC-DESK-07"}],
             "model":"Example Urgent Care Desktop","version":"4.2.1"}""";

    public static final String ORGANIZATION = """
            {"resourceType":"Organization",
             "identifier":[{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"B81016"}],
             "name":"Example Urgent Care Centre"}""";

    public static final String PRACTITIONER = """
            {"resourceType":"Practitioner","id":"u-4821",
             "identifier":[
               {"system":"https://fhir.nhs.uk/Id/sds-user-id","value":"687227875014"},
               {"system":"https://fhir.nhs.uk/Id/sds-role-profile-id","value":"712345678901"},
               {"system":"https://consumer.example.nhs.uk/Id/user-guid","value":"0b7c5a34-3f0e-4c1f-9d2e-7a3b1c9e8f21"}],
             "name":[{"family":"Patel","given":["Asha"],"prefix":["Dr"]}]}""";

    /** Suite #224: SDS ids may be the literal UNK. */
    public static final String UNK_PRACTITIONER = """
            {"resourceType":"Practitioner","id":"u-4821",
             "identifier":[
               {"system":"https://fhir.nhs.uk/Id/sds-user-id","value":"UNK"},
               {"system":"https://fhir.nhs.uk/Id/sds-role-profile-id","value":"UNK"},
               {"system":"https://consumer.example.nhs.uk/Id/user-guid","value":"0b7c5a34-3f0e-4c1f-9d2e-7a3b1c9e8f21"}],
             "name":[{"family":"Patel","given":["Asha"],"prefix":["Dr"]}]}""";

    /** Suite #224: no role profile and no local user id must still be accepted. */
    public static final String SDS_ID_ONLY_PRACTITIONER = """
            {"resourceType":"Practitioner","id":"u-4821",
             "identifier":[{"system":"https://fhir.nhs.uk/Id/sds-user-id","value":"687227875014"}],
             "name":[{"family":"Patel","given":["Asha"],"prefix":["Dr"]}]}""";

    private Jwts() {
    }

    /** The spec §7.2 token (scope organization/*.read), issued at {@link #NOW}. */
    public static Builder valid() {
        return new Builder()
                .claim("iss", "https://consumer.example.nhs.uk/")
                .claim("sub", "u-4821")
                .claim("aud", "https://provider.example.nhs.uk/A20047/STU3/1/gpconnect")
                .claim("exp", NOW.getEpochSecond() + 300)
                .claim("iat", NOW.getEpochSecond())
                .claim("reason_for_request", "directcare")
                .claim("requested_scope", "organization/*.read")
                .device(DEVICE)
                .organization(ORGANIZATION)
                .practitioner(PRACTITIONER);
    }

    /** {@code base64url(header).base64url(payload).} from raw JSON text, for malformed-token tests. */
    public static String encode(String headerJson, String payloadJson) {
        return base64url(headerJson) + "." + base64url(payloadJson) + ".";
    }

    public static String base64url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public static Map<String, Object> json(String objectJson) {
        try {
            return JSONObjectUtils.parse(objectJson);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static final class Builder {
        private final Map<String, Object> claims = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public Builder without(String... names) {
            for (String name : names) {
                claims.remove(name);
            }
            return this;
        }

        public Builder scope(String scope) {
            return claim("requested_scope", scope);
        }

        /** Moves iat and keeps the 300 s lifetime, like the suite's "Creation Time" steps. */
        public Builder issuedAt(Instant iat) {
            claim("iat", iat.getEpochSecond());
            return claim("exp", iat.getEpochSecond() + 300);
        }

        /** Sets exp relative to the current iat, like the suite's "Expiry Time ... after Creation Time". */
        public Builder lifetime(long seconds) {
            return claim("exp", ((Number) claims.get("iat")).longValue() + seconds);
        }

        public Builder device(String resourceJson) {
            return claim("requesting_device", json(resourceJson));
        }

        public Builder organization(String resourceJson) {
            return claim("requesting_organization", json(resourceJson));
        }

        public Builder practitioner(String resourceJson) {
            return claim("requesting_practitioner", json(resourceJson));
        }

        public String payloadJson() {
            return JSONObjectUtils.toJSONString(claims);
        }

        public String token() {
            return encode(HEADER, payloadJson());
        }

        public String bearer() {
            return "Bearer " + token();
        }
    }
}
