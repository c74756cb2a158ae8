package io.gpconnect.launcher;

import java.util.List;
import java.util.stream.Collectors;

/** Book Appointment request bodies as the assurance suite's default builder makes them (spec §7.1). */
final class Bookings {
    private Bookings() {
    }

    static String body(List<FreeSlots.Found> slots, String patientRef) {
        FreeSlots.Found first = slots.get(0);
        FreeSlots.Found last = slots.get(slots.size() - 1);
        String practitioner = first.practitionerRef() == null ? "" :
                ",{\"actor\":{\"reference\":\"" + first.practitionerRef() + "\"},\"status\":\"accepted\"}";
        String slotRefs = slots.stream().map(s -> "{\"reference\":\"Slot/" + s.id() + "\"}").collect(Collectors.joining(","));
        return "{\"resourceType\":\"Appointment\","
                + "\"meta\":{\"profile\":[\"https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1\"]},"
                + "\"contained\":[{\"resourceType\":\"Organization\",\"id\":\"1\","
                + "\"meta\":{\"profile\":[\"https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Organization-1\"]},"
                + "\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"A20047\"}],"
                + "\"name\":\"Test Suite Validator\",\"telecom\":[{\"system\":\"phone\",\"value\":\"01823938938\",\"use\":\"temp\"}]}],"
                + "\"extension\":[{\"url\":\"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-BookingOrganisation-1\","
                + "\"valueReference\":{\"reference\":\"#1\"}}],"
                + "\"status\":\"booked\",\"description\":\"Test appointment\","
                + "\"start\":\"" + first.start() + "\",\"end\":\"" + last.end() + "\","
                + "\"slot\":[" + slotRefs + "],"
                + "\"created\":\"2020-01-01T10:00:00+00:00\","
                + "\"participant\":[{\"actor\":{\"reference\":\"" + patientRef + "\"},\"status\":\"accepted\"},"
                + "{\"actor\":{\"reference\":\"" + first.locationRef() + "\"},\"status\":\"accepted\"}" + practitioner + "]}";
    }
}
