package io.gpconnect.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slot searches answered from kept renderings (fhir-facade readcache) are still checked request by request,
 * and a booking retires them: the booked slot is never offered again.
 */
class RenderedReadsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aKeptSearchIsStillGuardedAndABookingRetiresIt() throws Exception {
        GpConnectClient client = SharedEngine.client();
        LocalDate day = LocalDate.now(ZoneId.of("Europe/London")).plusDays(9);
        String search = "/Slot?start=ge" + day + "&end=le" + day.plusDays(1) + "&status=free&_include=Slot:schedule"
                + "&searchFilter=https://fhir.nhs.uk/Id/ods-organization-code%7CA20047";

        HttpResponse<String> first = client.get(search, "rest:search:slot-1", "organization/*.read");
        HttpResponse<String> second = client.get(search, "rest:search:slot-1", "organization/*.read");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(second.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/fhir+json");
        assertThat(second.headers().allValues("Cache-Control")).hasSize(1);

        // The same search with the provider ASID wrong is refused, kept answer or not.
        HttpRequest wrongAsid = client.request(search, "rest:search:slot-1", "organization/*.read")
                .setHeader("Ssp-To", "999999999999").GET().build();
        HttpResponse<String> refused = client.send(wrongAsid);
        assertThat(refused.statusCode()).as(refused.body()).isIn(400, 403);
        assertThat(refused.body()).contains("OperationOutcome");
        // And with a token of the wrong scope.
        HttpResponse<String> wrongScope = client.get(search, "rest:search:slot-1", "patient/*.write");
        assertThat(wrongScope.statusCode()).as(wrongScope.body()).isNotEqualTo(200);

        List<String> offered = slotIds(first.body());
        List<FreeSlots.Found> found = FreeSlots.search(client, 9, 1);
        FreeSlots.Found slot = found.stream().filter(f -> offered.contains(f.id())).findFirst().orElseThrow();
        HttpResponse<String> booked = client.post("/Appointment", Bookings.body(List.of(slot), "Patient/2"),
                "rest:create:appointment-1", "patient/*.write");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);

        long deadline = System.currentTimeMillis() + 10_000;
        List<String> after = slotIds(client.get(search, "rest:search:slot-1", "organization/*.read").body());
        while (after.contains(slot.id()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            after = slotIds(client.get(search, "rest:search:slot-1", "organization/*.read").body());
        }
        assertThat(after).doesNotContain(slot.id()).isNotEmpty();
    }

    private static List<String> slotIds(String bundle) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode e : JSON.readTree(bundle).path("entry")) {
            if (e.path("resource").path("resourceType").asText().equals("Slot")) {
                ids.add(e.path("resource").path("id").asText());
            }
        }
        return ids;
    }
}
