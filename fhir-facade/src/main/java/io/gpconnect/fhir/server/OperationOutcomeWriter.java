package io.gpconnect.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import io.gpconnect.fhir.error.GpConnectException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes an OperationOutcome for failures found before HAPI is involved (unknown root, unsupported media type)
 * or outside it (the container rejecting a malformed URI), in the format the consumer asked for (spec §1:
 * {@code _format} over {@code Accept} over {@code Content-Type}, JSON by default).
 */
final class OperationOutcomeWriter {
    private OperationOutcomeWriter() {
    }

    static void write(FhirContext fhir, HttpServletRequest request, HttpServletResponse response, GpConnectException e)
            throws IOException {
        boolean xml = wantsXml(request.getParameter("_format"), request.getHeader("Accept"), request.getHeader("Content-Type"));
        response.setStatus(e.getStatusCode());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(contentType(xml));
        response.getOutputStream().write(encode(fhir, e, xml));
    }

    static boolean wantsXml(String format, String accept, String contentType) {
        if (format != null) {
            return mentionsXml(format);
        }
        if (accept != null && !accept.isBlank()) {
            return mentionsXml(accept) && !accept.toLowerCase(Locale.ROOT).contains("json");
        }
        return contentType != null && mentionsXml(contentType);
    }

    static String contentType(boolean xml) {
        return (xml ? "application/fhir+xml" : "application/fhir+json") + ";charset=utf-8";
    }

    static byte[] encode(FhirContext fhir, GpConnectException e, boolean xml) {
        String body = xml ? fhir.newXmlParser().encodeResourceToString(e.getOperationOutcome())
                : fhir.newJsonParser().encodeResourceToString(e.getOperationOutcome());
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean mentionsXml(String mediaType) {
        return mediaType.toLowerCase(Locale.ROOT).contains("xml");
    }
}
