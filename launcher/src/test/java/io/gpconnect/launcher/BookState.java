package io.gpconnect.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The demo practice's appointment book as a consumer can read it through the FHIR API: every free slot of the next
 * two weeks and every visible patient's appointments (id, version, status). Two equal snapshots mean nothing was
 * booked, amended or cancelled in between.
 */
final class BookState {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PATIENT_IDS = 25;

    private BookState() {
    }

    static List<String> snapshot(GpConnectClient client) {
        TreeSet<String> state = new TreeSet<>();
        FreeSlots.search(client, 0, 13).forEach(slot -> state.add("free Slot/" + slot.id()));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        for (int id = 1; id <= PATIENT_IDS; id++) {
            HttpResponse<String> r = client.get("/Patient/" + id + "/Appointment?start=ge" + today + "&start=le" + today.plusDays(60),
                    "rest:search:patient_appointments-1", "patient/*.read");
            if (r.statusCode() == 404) {
                continue; // no such patient, or one answered as not found (sensitive)
            }
            if (r.statusCode() != 200) {
                throw new AssertionError("reading Patient/" + id + "'s appointments: " + r.statusCode() + " " + r.body());
            }
            try {
                for (JsonNode entry : JSON.readTree(r.body()).path("entry")) {
                    JsonNode a = entry.get("resource");
                    state.add("Patient/" + id + " Appointment/" + a.get("id").asText() + " v" + a.path("meta").path("versionId").asText()
                            + " " + a.get("status").asText());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return new ArrayList<>(state);
    }
}
