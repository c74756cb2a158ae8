package io.gpconnect.fhir.server;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * The servlet response as HAPI gets it: without the Server and Date headers Jetty itself writes.
 *
 * <p>On an error HAPI resets the response and adds back every header it can see; Jetty then adds its own Server
 * and Date again, so every error went out with both twice.
 */
final class HapiResponse extends HttpServletResponseWrapper {
    private static final Set<String> CONTAINER_HEADERS = Set.of("server", "date");

    private PrintWriter writer;

    HapiResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new BodyWriter(super.getWriter()), false);
        }
        return writer;
    }

    /**
     * HAPI answers a DSTU2 media type (application/xml+fhir, application/json+fhir) with the same name; STU3 names
     * them application/fhir+xml and application/fhir+json (spec §1), so the body is labelled with those whatever
     * the consumer called it.
     */
    @Override
    public void setContentType(String type) {
        super.setContentType(stu3(type));
    }

    @Override
    public void setHeader(String name, String value) {
        super.setHeader(name, "content-type".equalsIgnoreCase(name) ? stu3(value) : value);
    }

    @Override
    public void addHeader(String name, String value) {
        super.addHeader(name, "content-type".equalsIgnoreCase(name) ? stu3(value) : value);
    }

    static String stu3(String contentType) {
        if (contentType == null) {
            return null;
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        if (lower.startsWith("application/xml+fhir")) {
            return "application/fhir+xml" + contentType.substring("application/xml+fhir".length());
        }
        if (lower.startsWith("application/json+fhir")) {
            return "application/fhir+json" + contentType.substring("application/json+fhir".length());
        }
        return contentType;
    }

    @Override
    public Collection<String> getHeaderNames() {
        return super.getHeaderNames().stream().filter(name -> !CONTAINER_HEADERS.contains(name.toLowerCase())).toList();
    }
}
