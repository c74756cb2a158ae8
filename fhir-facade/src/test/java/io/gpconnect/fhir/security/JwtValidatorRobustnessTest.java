package io.gpconnect.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.interaction.Interaction;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever arrives in the header, the answer is a 4xx GpConnectException, never an escaping exception. */
class JwtValidatorRobustnessTest {

    private static final String ALPHABET = "ABCxyz019-_.=+/ {}\":,[]\\\u00e9";

    private final JwtValidator validator = new JwtValidator(FhirContexts.DSTU3, Jwts.CLOCK);

    private void assertClientErrorOrAccepted(String authorization) {
        Throwable thrown = catchThrowable(() -> validator.validate(authorization, Interaction.SLOT_SEARCH));
        if (thrown != null) {
            assertThat(thrown).as("for %s", authorization).isInstanceOf(GpConnectException.class);
            assertThat(((GpConnectException) thrown).getStatusCode()).isIn(400, 422);
        }
    }

    @Test
    void mutated_tokens_never_escape() {
        Random random = new Random(42);
        String token = Jwts.valid().token();
        for (int i = 0; i < 2000; i++) {
            char[] chars = token.toCharArray();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                chars[random.nextInt(chars.length)] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            }
            assertClientErrorOrAccepted("Bearer " + new String(chars));
        }
    }

    @Test
    void arbitrary_payload_text_never_escapes() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            StringBuilder payload = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) {
                payload.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertClientErrorOrAccepted("Bearer " + Jwts.encode(Jwts.HEADER, payload.toString()));
        }
    }

    @Test
    void deeply_nested_json_never_escapes() {
        String nested = "[".repeat(6000) + "]".repeat(6000);
        assertClientErrorOrAccepted("Bearer " + Jwts.encode(Jwts.HEADER, "{\"iss\":" + nested + "}"));
        String deepDevice = Jwts.valid().payloadJson().replace("\"requesting_device\":{",
                "\"requesting_device\":{\"x\":" + "[".repeat(3000) + "]".repeat(3000) + ",");
        assertClientErrorOrAccepted("Bearer " + Jwts.encode(Jwts.HEADER, deepDevice));
    }

    @Test
    void odd_claim_types_never_escape() {
        Object[] values = {42, -1L, 1.5, true, "", "x", java.util.List.of(), java.util.List.of(1, "a"),
                Jwts.json("{}"), Jwts.json("{\"resourceType\":null}"), Long.MAX_VALUE, Long.MIN_VALUE};
        for (String claim : JwtValidator.REQUIRED) {
            for (Object value : values) {
                assertClientErrorOrAccepted(Jwts.valid().claim(claim, value).bearer());
            }
        }
    }
}
