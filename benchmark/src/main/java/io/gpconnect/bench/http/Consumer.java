package io.gpconnect.bench.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A GP Connect consumer (an NHS 111 service) as the Spine Secure Proxy forwards it: Ssp headers and an
 * unsigned JWT on every request (spec §1.1, §3). Builds the requests of the interactions the bench drives.
 */
public final class Consumer {
    public static final String CONSUMER_ASID = "200000000359";
    /** The booking organisation named in the JWT and in the booking's contained Organization. */
    public static final String CONSUMER_ODS = "A20047";
    private static final String URN = "urn:nhs:names:services:gpconnect:fhir:";
    /** Tokens live 300 s (spec §3); renewing each minute keeps them valid without signing one per request. */
    private static final long TOKEN_RENEW_SECONDS = 60;

    private final URI base;
    private final String providerAsid;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final AtomicLong traceIds = new AtomicLong();

    private record Token(String jwt, long issuedAt) {
    }

    /** @param base scheme, host and port of the engine, e.g. http://127.0.0.1:8080 */
    public Consumer(URI base, String providerAsid) {
        this.base = base;
        this.providerAsid = providerAsid;
    }

    public URI base() {
        return base;
    }

    public static String serviceRoot(String ods) {
        return "/" + ods + "/STU3/1/gpconnect";
    }

    public HttpRequest metadata(String ods) {
        return new HttpRequest("GET", serviceRoot(ods) + "/metadata", headers("rest:read:metadata-1", "organization/*.read"), null);
    }

    /** Free slots of {@code days} days from {@code from}, with schedules, locations and practitioners (spec §2.3). */
    public HttpRequest slotSearch(String ods, LocalDate from, int days) {
        String query = "/Slot?start=ge" + from + "&end=le" + from.plusDays(days) + "&status=free&_include=Slot:schedule"
                + "&_include:recurse=Schedule:actor:Practitioner&_include:recurse=Schedule:actor:Location"
                + "&searchFilter=https://fhir.nhs.uk/Id/ods-organization-code%7C" + CONSUMER_ODS;
        return new HttpRequest("GET", serviceRoot(ods) + query, headers("rest:search:slot-1", "organization/*.read"), null);
    }

    public HttpRequest book(String ods, String appointmentJson) {
        return new HttpRequest("POST", serviceRoot(ods) + "/Appointment", withBody(headers("rest:create:appointment-1", "patient/*.write")),
                appointmentJson);
    }

    public HttpRequest read(String ods, String appointmentId) {
        return new HttpRequest("GET", serviceRoot(ods) + "/Appointment/" + appointmentId,
                headers("rest:read:appointment-1", "patient/*.read"), null);
    }

    public HttpRequest cancel(String ods, String appointmentId, long version, String cancelledJson) {
        Map<String, String> h = withBody(headers("rest:cancel:appointment-1", "patient/*.write"));
        h.put("If-Match", "W/\"" + version + "\"");
        return new HttpRequest("PUT", serviceRoot(ods) + "/Appointment/" + appointmentId, h, cancelledJson);
    }

    private static Map<String, String> withBody(Map<String, String> h) {
        h.put("Content-Type", "application/fhir+json;charset=utf-8");
        return h;
    }

    private Map<String, String> headers(String interaction, String scope) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Accept", "application/fhir+json");
        h.put("Ssp-TraceID", "bench-" + traceIds.incrementAndGet());
        h.put("Ssp-From", CONSUMER_ASID);
        h.put("Ssp-To", providerAsid);
        h.put("Ssp-InteractionID", URN + interaction);
        h.put("Authorization", "Bearer " + token(scope));
        return h;
    }

    private String token(String scope) {
        long now = Instant.now().getEpochSecond();
        Token t = tokens.get(scope);
        if (t == null || now - t.issuedAt() >= TOKEN_RENEW_SECONDS) {
            t = new Token(jwt(scope, CONSUMER_ODS, now), now);
            tokens.put(scope, t);
        }
        return t.jwt();
    }

    /** An unsigned JWT as spec §3 requires it, valid from {@code iat} for 300 s. */
    public static String jwt(String scope, String requestingOds, long iat) {
        String payload = "{"
                + "\"iss\":\"https://consumer.example.nhs.uk/\","
                + "\"sub\":\"1\","
                + "\"aud\":\"https://authorize.fhir.nhs.net/token\","
                + "\"exp\":" + (iat + 300) + ","
                + "\"iat\":" + iat + ","
                + "\"reason_for_request\":\"directcare\","
                + "\"requested_scope\":\"" + scope + "\","
                + "\"requesting_device\":{\"resourceType\":\"Device\",\"identifier\":[{\"system\":\"GPConnectTestSystem\",\"value\":\"Client\"}],\"model\":\"v1\",\"version\":\"1.1\"},"
                + "\"requesting_organization\":{\"resourceType\":\"Organization\",\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"" + requestingOds + "\"}],\"name\":\"Requesting Org\"},"
                + "\"requesting_practitioner\":{\"resourceType\":\"Practitioner\",\"id\":\"1\",\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/sds-user-id\",\"value\":\"GCASDS0001\"},{\"system\":\"https://fhir.nhs.uk/Id/sds-role-profile-id\",\"value\":\"112233445566\"}],\"name\":[{\"family\":\"Assurance\",\"given\":[\"Assurance\"],\"prefix\":[\"Dr\"]}]}"
                + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
