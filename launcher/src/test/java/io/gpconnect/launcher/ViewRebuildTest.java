package io.gpconnect.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The views are derived data: dropped and rebuilt from the topics, they hold exactly what they held. */
class ViewRebuildTest {
    @TempDir
    Path dir;

    @Test
    void viewsRebuiltFromTheTopicsEqualTheViewsBefore() throws Exception {
        Map<String, String> before;
        Engine.Options options = Engine.Options.defaults(dir).withPort(0);
        try (Engine engine = Engine.start(options)) {
            GpConnectClient client = new GpConnectClient(engine.serviceRoot());
            List<FreeSlots.Found> slots = FreeSlots.search(client, 2, 2);
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> r = client.post("/Appointment", Bookings.body(List.of(slots.get(i)), "Patient/" + (1 + i % 3)),
                        "rest:create:appointment-1", "patient/*.write");
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            }
            // A 201 waits for the appointment view only: the slot view may apply the booking a moment later.
            before = ViewDump.settled(engine, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(30));
        }
        assertThat(before).isNotEmpty();
        // A marker in the views' local state proves the rebuild started from nothing, not from what was on disk.
        Path marker = dir.resolve("streams").resolve("gpconnect-appointment-store").resolve("marker");
        java.nio.file.Files.writeString(marker, "old state");
        try (Engine engine = Engine.start(options.withRebuiltViews().withoutSeeding())) {
            assertThat(marker).doesNotExist();
            ViewDump.awaitEqual(engine, before, java.time.Duration.ofSeconds(60));
        }
    }
}
