package io.gpconnect.fhir.security;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The token's form check accepts exactly what the spec's form allows: header.payload. in base64url. */
class UnsignedJwtFormTest {
    // The form as a regular expression: the oracle the hand-written check must agree with.
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.");

    @Test
    void agreesWithTheFormOnEdgeCases() {
        for (String token : new String[] {"a.b.", "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", "a.b", ".b.", "a..", "..", "a.b.c",
                "a.b..", "", "a=.b.", "a+.b.", "a/b.c.", "a.b.c.", "{\"a\":1}.b.", "a b.c.", "-_.-_."}) {
            assertThat(UnsignedJwt.wellFormed(token)).as(token).isEqualTo(FORM.matcher(token).matches());
        }
    }

    @Test
    void agreesWithTheFormOnRandomTokens() {
        Random random = new Random(20261124);
        String alphabet = "aZ09-_.=+/ {";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder token = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                token.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = token.toString();
            assertThat(UnsignedJwt.wellFormed(t)).as(t).isEqualTo(FORM.matcher(t).matches());
        }
    }
}
