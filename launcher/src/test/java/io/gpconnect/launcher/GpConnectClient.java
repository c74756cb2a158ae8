package io.gpconnect.launcher;

import io.gpconnect.bench.http.Consumer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A GP Connect consumer as the Spine Secure Proxy would forward it: Ssp headers and an unsigned JWT. Public for
 * the conformance suite, which builds raw requests on {@link #root()} and {@link #exchange(HttpRequest)}.
 */
public final class GpConnectClient {
    public static final String PROVIDER_ASID = "918999198993";
    public static final String CONSUMER_ASID = "200000000359";
    private static final String URN = "urn:nhs:names:services:gpconnect:fhir:";

    private final String root;
    private final Duration requestTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GpConnectClient(String serviceRoot) {
        this(serviceRoot, Duration.ofSeconds(30));
    }

    /** A client that waits {@code requestTimeout} for an answer: longer than the engine's decision timeout, or it gives up first. */
    GpConnectClient(String serviceRoot, Duration requestTimeout) {
        this.root = serviceRoot;
        this.requestTimeout = requestTimeout;
    }

    /** The service root, e.g. {@code http://127.0.0.1:8080/A20047/STU3/1/gpconnect}, without a trailing '/'. */
    public String root() {
        return root;
    }

    /** Sends a request exactly as built, and keeps the body as bytes (it may be gzip-encoded). */
    public HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
                .timeout(requestTimeout)
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
        return Consumer.jwt(scope, requestingOds, Instant.now().getEpochSecond());
    }
}
