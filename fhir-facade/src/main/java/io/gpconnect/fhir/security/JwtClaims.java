package io.gpconnect.fhir.security;

import io.gpconnect.fhir.interaction.RequestedScope;
import java.time.Instant;
import java.util.List;

/** The claims of a bearer token that passed every rule of spec §3, kept for audit and business rules. */
public record JwtClaims(String issuer, String subject, List<String> audience, Instant issuedAt,
        Instant expiresAt, RequestedScope requestedScope, Requester requester) {

    public JwtClaims {
        audience = List.copyOf(audience);
    }
}
