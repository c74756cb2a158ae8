package io.gpconnect.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** A GP Connect consumer as the Spine Secure Proxy would forward it: Ssp headers and an unsigned JWT. */
final class GpConnectClient {
    static final String PROVIDER_ASID = "918999198993";
    static final String CONSUMER_ASID = "200000000359";
    private static final String URN = "urn:nhs:names:services:gpconnect:fhir:";

    private final String root;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GpConnectClient(String serviceRoot) {
        this.root = serviceRoot;
    }

    static String interaction(String suffix) {
        return URN + suffix;
    }

    HttpResponse<String> get(String path, String interaction, String scope) {
        return send(request(path, interaction, scope).GET().build());
    }

    HttpResponse<String> post(String path, String body, String interaction, String scope) {
        return send(request(path, interaction, scope).header("Content-Type", "application/fhir+json;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> put(String path, String body, String ifMatch, String interaction, String scope) {
        HttpRequest.Builder b = request(path, interaction, scope).header("Content-Type", "application/fhir+json;charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return send(b.build());
    }

    HttpRequest.Builder request(String path, String interaction, String scope) {
        return HttpRequest.newBuilder(URI.create(root + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/fhir+json")
                .header("Ssp-TraceID", UUID.randomUUID().toString())
                .header("Ssp-From", CONSUMER_ASID)
                .header("Ssp-To", PROVIDER_ASID)
                .header("Ssp-InteractionID", interaction(interaction))
                .header("Authorization", "Bearer " + jwt(scope, "A20047"));
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String jwt(String scope, String requestingOds) {
        long iat = Instant.now().getEpochSecond();
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
