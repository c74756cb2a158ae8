package io.gpconnect.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Free slots as a consumer finds them: a slot search, with each slot's schedule, location and practitioner. */
final class FreeSlots {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Found(JsonNode slot, String scheduleId, String locationRef, String practitionerRef) {
        String id() {
            return slot.get("id").asText();
        }

        String start() {
            return slot.get("start").asText();
        }

        String end() {
            return slot.get("end").asText();
        }
    }

    /** The demo practice's free slots from tomorrow for 13 days, once there are at least {@code atLeast} (waits up to 2 minutes). */
    static List<Found> await(GpConnectClient client, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            List<Found> slots = new ArrayList<>(search(client, 1, 13));
            if (slots.size() >= atLeast) {
                return slots;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the demo practice's slots were never listed (" + atLeast + " free wanted)");
    }

    static List<Found> search(GpConnectClient client, int fromDaysAhead, int days) {
        LocalDate from = LocalDate.now(ZoneId.of("Europe/London")).plusDays(fromDaysAhead);
        String query = "/Slot?start=ge" + from + "&end=le" + from.plusDays(days) + "&status=free&_include=Slot:schedule"
                + "&searchFilter=https://fhir.nhs.uk/Id/ods-organization-code%7CA20047";
        HttpResponse<String> r = client.get(query, "rest:search:slot-1", "organization/*.read");
        if (r.statusCode() != 200) {
            throw new AssertionError("slot search failed: " + r.statusCode() + " " + r.body());
        }
        try {
            JsonNode bundle = JSON.readTree(r.body());
            Map<String, JsonNode> schedules = new HashMap<>();
            List<JsonNode> slots = new ArrayList<>();
            for (JsonNode e : bundle.path("entry")) {
                JsonNode res = e.get("resource");
                switch (res.get("resourceType").asText()) {
                    case "Slot" -> slots.add(res);
                    case "Schedule" -> schedules.put("Schedule/" + res.get("id").asText(), res);
                    default -> { }
                }
            }
            List<Found> out = new ArrayList<>();
            for (JsonNode slot : slots) {
                String ref = slot.get("schedule").get("reference").asText();
                JsonNode schedule = schedules.get(ref);
                String location = null;
                String practitioner = null;
                for (JsonNode actor : schedule.get("actor")) {
                    String a = actor.get("reference").asText();
                    if (a.startsWith("Location/")) {
                        location = a;
                    } else if (a.startsWith("Practitioner/")) {
                        practitioner = a;
                    }
                }
                out.add(new Found(slot, ref.substring("Schedule/".length()), location, practitioner));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the slot is still among the free ones of the search window after waiting up to {@code patience} for
     * it to leave: the views drop it a moment after the change that took it is committed.
     */
    static boolean stillOffered(GpConnectClient client, int fromDaysAhead, int days, String slotId, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            boolean offered = search(client, fromDaysAhead, days).stream().anyMatch(s -> s.id().equals(slotId));
            if (!offered || System.nanoTime() > deadline) {
                return offered;
            }
            Thread.sleep(50);
        }
    }

    /** Runs of {@code n} back-to-back slots of one schedule. */
    static List<List<Found>> contiguousRuns(List<Found> slots, int n) {
        Map<String, List<Found>> bySchedule = new HashMap<>();
        slots.forEach(s -> bySchedule.computeIfAbsent(s.scheduleId(), k -> new ArrayList<>()).add(s));
        List<List<Found>> runs = new ArrayList<>();
        for (List<Found> list : bySchedule.values()) {
            list.sort((a, b) -> a.start().compareTo(b.start()));
            for (int i = 0; i + n <= list.size(); i += n) {
                boolean contiguous = true;
                for (int j = i + 1; j < i + n; j++) {
                    contiguous &= list.get(j).start().equals(list.get(j - 1).end());
                }
                if (contiguous) {
                    runs.add(List.copyOf(list.subList(i, i + n)));
                }
            }
        }
        return runs;
    }
}
