package io.gpconnect.fhir.security;

import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The headers every GP Connect request must carry (spec §1.1), trimmed and known to be present.
 * A blank header counts as missing: the SSP forwards whatever the consumer sent.
 */
public record SspHeaders(String traceId, String fromAsid, String toAsid, String interactionId,
        String authorization) {

    public static final String TRACE_ID = "Ssp-TraceID";
    public static final String FROM = "Ssp-From";
    public static final String TO = "Ssp-To";
    public static final String INTERACTION_ID = "Ssp-InteractionID";
    public static final String AUTHORIZATION = "Authorization";

    /**
     * Reads the five headers, naming every missing one in a single 400 so a consumer fixes them at once.
     *
     * @param header looks a header up by name; it should ignore case, as servlet containers do
     */
    public static SspHeaders from(Function<String, String> header) {
        List<String> missing = new ArrayList<>();
        String traceId = read(header, TRACE_ID, missing);
        String from = read(header, FROM, missing);
        String to = read(header, TO, missing);
        String interactionId = read(header, INTERACTION_ID, missing);
        String authorization = read(header, AUTHORIZATION, missing);
        if (!missing.isEmpty()) {
            throw new GpConnectException(SpineCode.BAD_REQUEST,
                    "Missing or empty required header(s): " + String.join(", ", missing));
        }
        return new SspHeaders(traceId, from, to, interactionId, authorization);
    }

    private static String read(Function<String, String> header, String name, List<String> missing) {
        String value = header.apply(name);
        if (value == null || value.isBlank()) {
            missing.add(name);
            return null;
        }
        return value.strip();
    }
}
