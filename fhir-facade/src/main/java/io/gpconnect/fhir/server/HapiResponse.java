package io.gpconnect.fhir.server;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collection;
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

    @Override
    public Collection<String> getHeaderNames() {
        return super.getHeaderNames().stream().filter(name -> !CONTAINER_HEADERS.contains(name.toLowerCase())).toList();
    }
}
