package io.gpconnect.fhir.routing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Sends a request for a practice whose views live on another instance to that instance, unchanged, and relays
 * its answer. The owner then does everything itself — decisions it awaits arrive in its own views — so reads
 * and writes behave exactly as on a single instance. A request is forwarded at most once.
 */
public final class PracticeForwarding {
    static final String FORWARDED = "X-Gpconnect-Forwarded";
    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "transfer-encoding",
            "keep-alive", "upgrade", "te", "trailer", "proxy-connection", "expect");

    private final Function<String, Optional<String>> remoteOwner;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param remoteOwner the "host:port" of the instance owning a practice, empty when it is this one */
    public PracticeForwarding(Function<String, Optional<String>> remoteOwner) {
        this.remoteOwner = remoteOwner;
    }

    /** Returns true when the request was answered by the owning instance. */
    public boolean forwardIfRemote(String ods, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getHeader(FORWARDED) != null) {
            return false;
        }
        Optional<String> owner = remoteOwner.apply(ods);
        if (owner.isEmpty()) {
            return false;
        }
        String query = request.getQueryString();
        URI target = URI.create("http://" + owner.get() + request.getRequestURI() + (query == null ? "" : "?" + query));
        HttpRequest.Builder out = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60));
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : Collections.list(request.getHeaders(name))) {
                    out.header(name, value);
                }
            }
        }
        out.header(FORWARDED, "1");
        byte[] body = request.getInputStream().readAllBytes();
        out.method(request.getMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while forwarding to " + owner.get(), e);
        }
        response.setStatus(answer.statusCode());
        answer.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(v -> response.addHeader(name, v));
            }
        });
        response.getOutputStream().write(answer.body());
        return true;
    }
}
