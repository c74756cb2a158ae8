package io.gpconnect.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One Book Appointment request and what the client saw: the status, the body, when it was sent and how long it waited. The
 * audit compares these with the committed events.
 */
record BookingAttempt(String patientRef, List<String> slotIds, int status, String body, Instant sentAt, Duration waited) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The status a client gets for a request that never got an answer (refused connection, HTTP timeout). */
    static final int NO_ANSWER = -1;

    boolean booked() {
        return status == 201;
    }

    boolean refused() {
        return status == 409;
    }

    /** 503 or no answer: the command may or may not have been decided, the client cannot tell. */
    boolean undetermined() {
        return !booked() && !refused();
    }

    String appointmentId() {
        try {
            return JSON.readTree(body).get("id").asText();
        } catch (Exception e) {
            throw new AssertionError("a 201 without an appointment id: " + body, e);
        }
    }

    /** The OperationOutcome's Spine error code, e.g. DUPLICATE_REJECTED. */
    String spineCode() {
        try {
            return JSON.readTree(body).at("/issue/0/details/coding/0/code").asText();
        } catch (Exception e) {
            return "";
        }
    }

    /** Short enough that a failed assertion over a hundred attempts stays readable. */
    @Override
    public String toString() {
        String shown = booked() ? "Appointment/" + appointmentId() : body.length() > 300 ? body.substring(0, 300) + "…" : body;
        return status + " for " + request() + " after " + waited.toMillis() + " ms: " + shown;
    }

    /** What the booking asked for: bookings of the same patient and slots are interchangeable for the audit. */
    String request() {
        return patientRef.substring(patientRef.indexOf('/') + 1) + " " + slotIds;
    }
}
