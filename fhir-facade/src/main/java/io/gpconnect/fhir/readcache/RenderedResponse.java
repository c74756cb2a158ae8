package io.gpconnect.fhir.readcache;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A 200 answer as it went out: headers and body, the body either as text (written through the servlet writer)
 * or as bytes (HAPI gzips through the output stream).
 */
public record RenderedResponse(long generation, Map<String, List<String>> headers, String text, byte[] bytes) {
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9-]{1,200}");
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    int size() {
        return text != null ? text.length() * 2 : bytes.length;
    }

    public void writeTo(String incomingRequestId, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        headers.forEach((name, values) -> {
            response.setHeader(name, values.get(0));
            values.stream().skip(1).forEach(v -> response.addHeader(name, v));
        });
        // Per answer, as HAPI does it: the consumer's own X-Request-ID echoed, else a fresh one.
        response.setHeader("X-Request-ID", incomingRequestId != null && REQUEST_ID.matcher(incomingRequestId).matches()
                ? incomingRequestId : freshRequestId());
        if (text != null) {
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(text);
        } else {
            response.getOutputStream().write(bytes);
        }
    }

    private static String freshRequestId() {
        StringBuilder id = new StringBuilder(16);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 16; i++) {
            id.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }
}
