package io.gpconnect.launcher.conformance;

import io.gpconnect.launcher.GpConnectClient;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One request to the shared engine, as the Spine Secure Proxy forwards it: by default every header spec §1.1
 * requires, the JWT of the interaction's scope and {@code Accept: application/fhir+json} (the suite's default).
 * Each default can be changed or removed to break one rule.
 */
final class Call {
    static final String FHIR_JSON = "application/fhir+json";
    static final String FHIR_XML = "application/fhir+xml";

    private final String method;
    private final StringBuilder path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Jwt jwt;
    private String body;
    private boolean chunked;

    private Call(String method, String path) {
        this.method = method;
        this.path = new StringBuilder(path.startsWith("/") ? path : "/" + path);
        headers.put("Accept", FHIR_JSON);
        headers.put("Ssp-TraceID", UUID.randomUUID().toString());
        headers.put("Ssp-From", GpConnectClient.CONSUMER_ASID);
        headers.put("Ssp-To", GpConnectClient.PROVIDER_ASID);
    }

    static Call get(String path, Gpc interaction) {
        return new Call("GET", path).as(interaction);
    }

    static Call post(String path, Gpc interaction, String jsonBody) {
        return new Call("POST", path).as(interaction).body(jsonBody, FHIR_JSON);
    }

    static Call put(String path, Gpc interaction, String jsonBody) {
        return new Call("PUT", path).as(interaction).body(jsonBody, FHIR_JSON);
    }

    static Call method(String method, String path, Gpc interaction) {
        return new Call(method, path).as(interaction);
    }

    /** The interaction's Ssp-InteractionID and a valid JWT with its scope. */
    Call as(Gpc interaction) {
        headers.put("Ssp-InteractionID", interaction.interactionId);
        jwt = Jwt.forScope(interaction.scope);
        return this;
    }

    Call jwt(Jwt token) {
        this.jwt = token;
        return this;
    }

    Call header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Call without(String header) {
        headers.remove(header);
        if (header.equals("Authorization")) {
            jwt = null;
        }
        return this;
    }

    Call accept(String mediaType) {
        return header("Accept", mediaType);
    }

    /** A query parameter, percent-encoded as the suite's HttpClient does ('+' as %2B, '|' as %7C). */
    Call param(String name, String value) {
        path.append(path.indexOf("?") < 0 ? '?' : '&').append(encode(name)).append('=').append(encode(value));
        return this;
    }

    Call format(String value) {
        return param("_format", value);
    }

    Call body(String content, String contentType) {
        this.body = content;
        return header("Content-Type", contentType + ";charset=utf-8");
    }

    /** Sends the body with {@code Transfer-Encoding: chunked} (spec §1), not with a Content-Length. */
    Call chunked() {
        this.chunked = true;
        return this;
    }

    Reply send() {
        return sendTo(ReadyEngine.client());
    }

    /** Straight to this client, ready or not. */
    Reply sendTo(GpConnectClient client) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.root() + path)).timeout(Duration.ofSeconds(60));
        if (jwt != null && !headers.containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + jwt.encoded());
        }
        headers.forEach(request::header);
        request.method(method, publisher());
        return new Reply(client.exchange(request.build()));
    }

    private HttpRequest.BodyPublisher publisher() {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // A publisher of unknown length is what makes the JDK client send chunks.
        return chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
