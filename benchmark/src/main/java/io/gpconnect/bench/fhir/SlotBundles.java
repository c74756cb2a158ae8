package io.gpconnect.bench.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a Search for free slots searchset: each slot with the location and practitioner of its schedule. */
public final class SlotBundles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlotBundles() {
    }

    /** The bundle's slots that start after {@code notBefore}: earlier ones would be refused as in the past. */
    public static List<FreeSlot> freeSlots(String ods, byte[] bundle, OffsetDateTime notBefore) {
        JsonNode root;
        try {
            root = JSON.readTree(bundle);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a search bundle", e);
        }
        Map<String, JsonNode> schedules = new HashMap<>();
        List<JsonNode> slots = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            JsonNode r = entry.path("resource");
            switch (r.path("resourceType").asText()) {
                case "Slot" -> slots.add(r);
                case "Schedule" -> schedules.put(r.path("id").asText(), r);
                default -> { }
            }
        }
        List<FreeSlot> out = new ArrayList<>(slots.size());
        for (JsonNode slot : slots) {
            String start = slot.path("start").asText();
            if (OffsetDateTime.parse(start).isBefore(notBefore)) {
                continue;
            }
            String scheduleId = slot.path("schedule").path("reference").asText().substring("Schedule/".length());
            String location = null;
            String practitioner = null;
            for (JsonNode actor : schedules.getOrDefault(scheduleId, JSON.createObjectNode()).path("actor")) {
                String ref = actor.path("reference").asText();
                if (ref.startsWith("Location/")) {
                    location = ref.substring("Location/".length());
                } else if (ref.startsWith("Practitioner/")) {
                    practitioner = ref.substring("Practitioner/".length());
                }
            }
            if (location != null) {
                out.add(new FreeSlot(ods, slot.path("id").asText(), start, slot.path("end").asText(), scheduleId, location, practitioner));
            }
        }
        return out;
    }
}
