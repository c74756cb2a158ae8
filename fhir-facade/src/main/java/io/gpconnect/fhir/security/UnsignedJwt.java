package io.gpconnect.fhir.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.PlainJWT;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;

/**
 * Reads the {@code Authorization: Bearer} header into an unsigned JWT, enforcing the form spec §3
 * fixes: header {@code {"alg":"none","typ":"JWT"}}, base64url parts without padding, and an empty
 * signature, so the token ends with '.'. Every failure is 400 BAD_REQUEST.
 */
final class UnsignedJwt {

    private static final String BEARER = "Bearer";

    private UnsignedJwt() {
    }

    /** The raw claims object, exactly as sent (numbers keep their JSON type). */
    static Map<String, Object> claimsOf(String authorization) {
        PlainJWT jwt = parse(token(authorization));
        Map<String, Object> claims = payloadObject(jwt.getParsedParts()[1].toString());
        if (claims == null) {
            throw badRequest("JWT payload is not a JSON object");
        }
        return claims;
    }

    /**
     * The payload's JSON object, or null. Decoded with the JDK, not Nimbus: Nimbus decodes base64 in constant
     * time, a defence for secrets that an unsigned token's claims are not, and on the ~1 KB payload every
     * request carries it was the costliest step of the request guard.
     */
    private static Map<String, Object> payloadObject(String base64url) {
        try {
            return JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8));
        } catch (ParseException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String token(String authorization) {
        if (authorization == null) {
            throw badRequest("Authorization header missing");
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        // RFC 6750 makes the scheme name case-insensitive
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase(BEARER)) {
            throw badRequest("Authorization header must be 'Bearer <JWT>'");
        }
        String token = value.substring(space + 1).strip();
        if (!wellFormed(token)) {
            throw badRequest("JWT must be two base64url parts without padding followed by an empty signature,"
                    + " i.e. '<header>.<payload>.'");
        }
        return token;
    }

    /**
     * Two non-empty base64url parts and an empty third one. Rejecting '=', '+', '/' and raw JSON here gives the
     * consumer a precise message instead of a generic parse failure. A loop, not a regular expression: on the
     * ~2 KB token of every request the regex engine's per-character class checks were a fifth of the CPU a
     * booking spent in the facade.
     */
    static boolean wellFormed(String token) {
        int dots = 0;
        int partLength = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (partLength == 0 || ++dots > 2) {
                    return false;
                }
                partLength = 0;
            } else if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
                if (dots == 2) {
                    return false; // the signature must be empty
                }
                partLength++;
            } else {
                return false;
            }
        }
        return dots == 2 && partLength == 0;
    }

    private static PlainJWT parse(String token) {
        String[] parts = token.split("\\.");
        for (String part : parts) {
            // Base64 can never leave a single character in the last quantum; Nimbus would decode it silently.
            if (part.length() % 4 == 1) {
                throw badRequest("JWT part is not valid base64url");
            }
        }
        PlainJWT jwt;
        try {
            jwt = PlainJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw badRequest("JWT is not an unsigned JWT with header {\"alg\":\"none\",\"typ\":\"JWT\"}: "
                    + e.getMessage());
        }
        JOSEObjectType type = jwt.getHeader().getType();
        if (type == null || !type.getType().equalsIgnoreCase(JOSEObjectType.JWT.getType())) {
            throw badRequest("JWT header 'typ' must be \"JWT\"");
        }
        return jwt;
    }

    private static GpConnectException badRequest(String diagnostics) {
        return new GpConnectException(SpineCode.BAD_REQUEST, diagnostics);
    }
}
