package io.gpconnect.launcher;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amend and cancel without If-Match, racing. The facade checks a change's body against the appointment as it
 * reads it (only description and comment, or status and reason, may differ); the processor used to decide the
 * change against whatever version it then held, so a cancel whose body still had the old description went through
 * right after an amend, though the same request sent a moment later is refused (race/fault probe, session 13).
 */
class StaleChangeRaceTest {
    private static final int ROUNDS = 6;

    @Test
    void aChangeIsDecidedAgainstTheVersionItsBodyWasCheckedAgainst() throws Exception {
        GpConnectClient client = SharedEngine.client();
        List<FreeSlots.Found> slots = FreeSlots.search(client, 9, 1).subList(0, ROUNDS);
        for (FreeSlots.Found slot : slots) {
            BookingAttempt booked = BookingLoad.send(client, new BookingLoad.Request(List.of(slot), "Patient/2"));
            assertThat(booked.status()).as(booked.body()).isEqualTo(201);
            String id = booked.appointmentId();
            String asRead = client.get("/Appointment/" + id, "rest:read:appointment-1", "patient/*.read").body();

            CompletableFuture<HttpResponse<String>> amend = CompletableFuture.supplyAsync(() ->
                    client.put("/Appointment/" + id, ChangeBodies.amending(asRead), null, "rest:update:appointment-1", "patient/*.write"));
            Thread.sleep(10);
            HttpResponse<String> cancel = client.put("/Appointment/" + id, ChangeBodies.cancelling(asRead), null,
                    "rest:cancel:appointment-1", "patient/*.write");
            HttpResponse<String> amended = amend.get();

            // Both were made against version 1: one may win, the other must be refused, never both applied.
            assertThat(List.of(amended.statusCode(), cancel.statusCode())).as(amended.body() + "\n" + cancel.body())
                    .containsOnlyOnce(200).doesNotContain(500);
            String after = client.get("/Appointment/" + id, "rest:read:appointment-1", "patient/*.read").body();
            assertThat(after).contains("\"versionId\":\"2\"");
            if (cancel.statusCode() != 200) {
                assertThat(cancel.statusCode()).as(cancel.body()).isIn(409, 422);
                client.put("/Appointment/" + id, ChangeBodies.cancelling(after), null, "rest:cancel:appointment-1", "patient/*.write");
            }
        }
    }
}
