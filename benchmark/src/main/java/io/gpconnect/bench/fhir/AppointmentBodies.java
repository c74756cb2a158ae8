package io.gpconnect.bench.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gpconnect.bench.http.Consumer;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Appointment bodies as a consumer sends them: a booking of one slot (spec §7.1), and its cancellation. */
public final class AppointmentBodies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CANCELLATION_REASON =
            "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1";

    private AppointmentBodies() {
    }

    public static String booking(FreeSlot slot, String patientId) {
        String practitioner = slot.practitionerId() == null ? "" :
                ",{\"actor\":{\"reference\":\"Practitioner/" + slot.practitionerId() + "\"},\"status\":\"accepted\"}";
        return "{\"resourceType\":\"Appointment\","
                + "\"meta\":{\"profile\":[\"https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1\"]},"
                + "\"contained\":[{\"resourceType\":\"Organization\",\"id\":\"1\","
                + "\"meta\":{\"profile\":[\"https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Organization-1\"]},"
                + "\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"" + Consumer.CONSUMER_ODS + "\"}],"
                + "\"name\":\"NHS 111\",\"telecom\":[{\"system\":\"phone\",\"value\":\"111\",\"use\":\"temp\"}]}],"
                + "\"extension\":[{\"url\":\"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-BookingOrganisation-1\","
                + "\"valueReference\":{\"reference\":\"#1\"}}],"
                + "\"status\":\"booked\",\"description\":\"Booked by the load benchmark\","
                + "\"start\":\"" + slot.start() + "\",\"end\":\"" + slot.end() + "\","
                + "\"slot\":[{\"reference\":\"Slot/" + slot.id() + "\"}],"
                + "\"created\":\"2020-01-01T10:00:00+00:00\","
                + "\"participant\":[{\"actor\":{\"reference\":\"Patient/" + patientId + "\"},\"status\":\"accepted\"},"
                + "{\"actor\":{\"reference\":\"Location/" + slot.locationId() + "\"},\"status\":\"accepted\"}" + practitioner + "]}";
    }

    /** The appointment as read back, with status cancelled and a reason: what a consumer PUTs to cancel (spec §2.9). */
    public static String cancellation(byte[] appointmentJson) {
        try {
            ObjectNode a = (ObjectNode) JSON.readTree(appointmentJson);
            a.put("status", "cancelled");
            ArrayNode extensions = a.has("extension") ? (ArrayNode) a.get("extension") : a.putArray("extension");
            extensions.addObject().put("url", CANCELLATION_REASON).put("valueString", "Patient no longer requires appointment");
            return JSON.writeValueAsString(a);
        } catch (IOException e) {
            throw new UncheckedIOException("Not an appointment", e);
        }
    }

    /** The id and version of an appointment as returned by book or read. */
    public static Stored stored(byte[] appointmentJson) {
        try {
            var a = JSON.readTree(appointmentJson);
            return new Stored(a.path("id").asText(), a.path("meta").path("versionId").asLong(1));
        } catch (IOException e) {
            throw new UncheckedIOException("Not an appointment", e);
        }
    }

    public record Stored(String id, long version) {
    }
}
