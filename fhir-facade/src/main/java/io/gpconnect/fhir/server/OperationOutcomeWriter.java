package io.gpconnect.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import io.gpconnect.fhir.error.GpConnectException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes an OperationOutcome for failures found before HAPI is involved (unknown root, unsupported media type). */
final class OperationOutcomeWriter {
    private OperationOutcomeWriter() {
    }

    static void write(FhirContext fhir, HttpServletRequest request, HttpServletResponse response, GpConnectException e)
            throws IOException {
        String format = request.getParameter("_format");
        String accept = request.getHeader("Accept");
        boolean xml = (format != null && format.contains("xml")) || (format == null && accept != null && accept.contains("xml") && !accept.contains("json"));
        String body = xml ? fhir.newXmlParser().encodeResourceToString(e.getOperationOutcome())
                : fhir.newJsonParser().encodeResourceToString(e.getOperationOutcome());
        response.setStatus(e.getStatusCode());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType((xml ? "application/fhir+xml" : "application/fhir+json") + ";charset=utf-8");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
