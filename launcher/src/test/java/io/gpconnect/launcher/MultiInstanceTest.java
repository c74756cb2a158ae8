package io.gpconnect.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances share the practice partitions. A request reaching the instance that does not hold the
 * practice is forwarded to the one that does, so reads and writes work through either.
 */
class MultiInstanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void eitherInstanceAnswersForEveryPractice() throws Exception {
        try (Engine first = Engine.start(Engine.Options.defaults(dir.resolve("first")).withPort(0))) {
            Engine.Options secondOptions = Engine.Options.defaults(dir.resolve("second")).withPort(0)
                    .withExternal(first.settings().bootstrapServers(), first.settings().registryUrl())
                    .withReplication((short) 1).withoutSeeding();
            try (Engine second = Engine.start(secondOptions)) {
                awaitSplit(first, second);
                GpConnectClient viaFirst = new GpConnectClient(first.serviceRoot());
                GpConnectClient viaSecond = new GpConnectClient(second.serviceRoot());

                FreeSlots.Found slot = FreeSlots.search(viaSecond, 4, 1).get(0);
                assertThat(FreeSlots.search(viaFirst, 4, 1)).extracting(FreeSlots.Found::id).contains(slot.id());
                for (GpConnectClient booker : List.of(viaFirst, viaSecond)) {
                    FreeSlots.Found free = FreeSlots.search(booker, 4, 1).get(0);
                    HttpResponse<String> booked = booker.post("/Appointment", Bookings.body(List.of(free), "Patient/5"),
                            "rest:create:appointment-1", "patient/*.write");
                    assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
                    String id = JSON.readTree(booked.body()).get("id").asText();
                    for (GpConnectClient reader : List.of(viaFirst, viaSecond)) {
                        HttpResponse<String> read = reader.get("/Appointment/" + id, "rest:read:appointment-1", "patient/*.read");
                        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
                    }
                }
            }
        }
    }

    /** Waits until the group has settled: both running, and exactly one of them holding the demo practice. */
    private static void awaitSplit(Engine first, Engine second) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            boolean ready = first.readiness().ready() && second.readiness().ready();
            boolean firstRemote = first.holdsElsewhere("A20047");
            boolean secondRemote = second.holdsElsewhere("A20047");
            if (ready && firstRemote != secondRemote) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the two instances never split the partitions: " + first.readiness() + " / " + second.readiness());
    }
}
