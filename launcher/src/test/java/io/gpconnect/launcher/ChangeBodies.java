package io.gpconnect.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/** Amend and cancel bodies made from an appointment as read (a booking made with {@link Bookings#body}). */
final class ChangeBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChangeBodies() {
    }

    static String cancelling(String appointmentJson) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(appointmentJson);
            json.put("status", "cancelled");
            ((ArrayNode) json.withArray("extension")).addObject()
                    .put("url", "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1")
                    .put("valueString", "Hostile input test");
            return JSON.writeValueAsString(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String amending(String appointmentJson) {
        return appointmentJson.replace("\"Test appointment\"", "\"Amended by the hostile input test\"");
    }
}
