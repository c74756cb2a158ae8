package io.gpconnect.fhir.server;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;

import java.util.regex.Pattern;

/**
 * The consumer's Ssp-TraceID in the logging context (SLF4J MDC, key {@value #KEY}) while its request is handled,
 * so that anything logged on the way, an unexpected failure above all, names the request it belongs to. Cleared
 * when the request is done: servlet threads are pooled, and the next request must not inherit it.
 */
public final class RequestTrace implements AutoCloseable {
    public static final String KEY = "trace_id";
    private static final int MAX_LENGTH = 100;

    private RequestTrace() {
    }

    public static RequestTrace begin(HttpServletRequest request) {
        String traceId = request.getHeader("Ssp-TraceID");
        if (traceId != null && !traceId.isBlank()) {
            MDC.put(KEY, clean(traceId));
        } else {
            MDC.remove(KEY);
        }
        return new RequestTrace();
    }

    private static final Pattern UNSAFE = Pattern.compile("[\\s\"\\\\\\p{Cntrl}=]");

    /** The header is the consumer's: one token, bounded, so a log line stays one parseable line. */
    static String clean(String value) {
        String v = value.strip();
        v = v.length() > MAX_LENGTH ? v.substring(0, MAX_LENGTH) : v;
        return UNSAFE.matcher(v).replaceAll("_");
    }

    @Override
    public void close() {
        MDC.remove(KEY);
    }
}
