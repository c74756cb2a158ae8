package io.gpconnect.bench.fhir;

/** A free slot as a consumer finds it in a search: enough to book it over HTTP or as a command. */
public record FreeSlot(String ods, String id, String start, String end, String scheduleId, String locationId,
                       String practitionerId) {
}
