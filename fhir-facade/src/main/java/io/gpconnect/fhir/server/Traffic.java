package io.gpconnect.fhir.server;

import io.gpconnect.fhir.interaction.Interaction;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What every request did: a latency timer per GP Connect interaction and status, and one access-log line in
 * logfmt carrying the consumer's Ssp-TraceID, so a consumer's trace id finds our side of the story.
 */
public final class Traffic {
    private static final Logger access = LoggerFactory.getLogger("gpconnect.access");

    private static final Pattern UNSAFE = Pattern.compile("[\"\\\\\\p{Cntrl}]");

    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /** @param meters where the timers go; null for none */
    public Traffic(MeterRegistry meters) {
        this.meters = meters;
    }

    void record(HttpServletRequest request, HttpServletResponse response, String ods, long nanos) {
        String interaction = Interaction.forInteractionId(String.valueOf(request.getHeader("Ssp-InteractionID")).trim())
                .map(Enum::name).orElse("none");
        int status = response.getStatus();
        if (meters != null) {
            // One timer per interaction and status, found in a map: building and registering it on every request
            // cost a twentieth of a booking's request-thread CPU.
            timers.computeIfAbsent(interaction + ' ' + status, k -> Timer.builder("gpconnect.http.requests")
                    .description("GP Connect requests by interaction and HTTP status")
                    .tag("interaction", interaction)
                    .tag("status", String.valueOf(status))
                    .publishPercentileHistogram()
                    .register(meters))
                    .record(nanos, TimeUnit.NANOSECONDS);
        }
        if (access.isInfoEnabled()) {
            access.info("trace_id={} from_asid={} ods={} interaction={} method={} status={} ms={}",
                    quote(request.getHeader("Ssp-TraceID")), quote(request.getHeader("Ssp-From")), ods, interaction,
                    request.getMethod(), status, TimeUnit.NANOSECONDS.toMillis(nanos));
        }
    }

    /** Header values are the consumer's: keep them on one line and unambiguous. */
    private static String quote(String value) {
        if (value == null) {
            return "-";
        }
        String clean = value.length() > 100 ? value.substring(0, 100) : value;
        return "\"" + UNSAFE.matcher(clean).replaceAll("_") + "\"";
    }
}
