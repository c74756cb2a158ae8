package io.gpconnect.fhir.server;

import java.io.FilterWriter;
import java.io.Writer;

/**
 * The servlet writer as HAPI gets it, minus the flushes HAPI's JSON encoder makes after every single value.
 * Passed on, each of those was a network write, so a slot search went out as thousands of tiny chunks and
 * writing it cost more than building it. The container still writes whenever its output buffer fills, and
 * once at the end (close), so nothing is held back longer than the response takes to build.
 */
final class BodyWriter extends FilterWriter {
    BodyWriter(Writer container) {
        super(container);
    }

    @Override
    public void flush() {
        // deliberately nothing: see the class comment
    }
}
