package io.gpconnect.launcher.seed;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The demo practice A20047, matching the public GP Connect assurance test data (seed/SOURCES.md). */
public final class DemoPractice {
    public static final int ROLLING_DAYS = 14;

    private DemoPractice() {
    }

    public static PracticeData load() {
        try (InputStream in = DemoPractice.class.getResourceAsStream("/seed/demo-practice.json")) {
            return new ObjectMapper().readValue(in, PracticeData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo practice", e);
        }
    }
}
