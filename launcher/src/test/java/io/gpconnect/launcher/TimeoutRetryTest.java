package io.gpconnect.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gpconnect.schemas.appointment.Appointment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine cannot decide in time (its processor is down): the client gets the documented 503 promptly, not a
 * hang. The command is decided once the processor is back, and the client's retry of the same booking is
 * refused as a duplicate: the patient ends up with one appointment for the slot, not two and not none.
 */
class TimeoutRetryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    @Test
    void aBookingAnswered503IsDecidedLaterOnceAndItsRetryIsADuplicate() throws Exception {
        Engine.Options options = Engine.Options.defaults(dir.resolve("engine")).withPort(0).withoutProjection()
                .withDecisionTimeout(DECISION_TIMEOUT);
        try (Engine engine = Engine.start(options)) {
            GpConnectClient client = new GpConnectClient(engine.serviceRoot());
            RelayProcessor processor = RelayProcessor.start("processor", engine.settings(), dir.resolve("processor"));
            FreeSlots.Found slot;
            try {
                slot = FreeSlots.await(client, 1).get(0);
            } finally {
                processor.close();
            }

            BookingLoad.Request booking = new BookingLoad.Request(List.of(slot), "Patient/2");
            BookingAttempt first = BookingLoad.send(client, booking);
            assertThat(first.status()).as(first.body()).isEqualTo(503);
            assertThat(first.spineCode()).isEqualTo("INTERNAL_SERVER_ERROR");
            assertThat(JSON.readTree(first.body()).at("/issue/0/diagnostics").asText()).contains("may still take effect");
            assertThat(first.waited()).as("answered within the decision timeout, not hung").isLessThan(DECISION_TIMEOUT.plusSeconds(3));

            List<BookingAttempt> attempts = new ArrayList<>(List.of(first));
            try (RelayProcessor back = RelayProcessor.start("processor", engine.settings(), dir.resolve("processor"))) {
                Appointment decided = awaitBooked(engine, attempts);
                assertThat(decided.getSlotIds()).containsExactly(slot.id());

                BookingAttempt retry = BookingLoad.send(client, booking);
                assertThat(retry.status()).as(retry.body()).isEqualTo(409);
                assertThat(retry.spineCode()).isEqualTo("DUPLICATE_REJECTED");
                attempts.add(retry);

                BookingAudit audit = BookingAudit.of(engine.settings(), attempts).assertConsistent();
                assertThat(audit.events()).as("both commands decided, once each").hasSize(2);
                assertThat(audit.booked()).extracting(Appointment::getId).containsExactly(decided.getId());
                assertThat(patientAppointments(client, "2", slot)).as("Patient/2's appointments")
                        .containsExactly(decided.getId());
            }
        }
    }

    /** The 503'd command, decided once the processor is back (bounded: it is on the topic, waiting). */
    private static Appointment awaitBooked(Engine engine, List<BookingAttempt> attempts) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<Appointment> booked = BookingAudit.of(engine.settings(), attempts).booked();
            if (!booked.isEmpty()) {
                assertThat(booked).hasSize(1);
                return booked.get(0);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the command answered 503 was never decided");
    }

    /** Retrieve a patient's appointments (spec §6.3) on the slot's day, as the 503's diagnostics advise. */
    private static List<String> patientAppointments(GpConnectClient client, String patient, FreeSlots.Found slot) throws Exception {
        LocalDate day = java.time.OffsetDateTime.parse(slot.start()).atZoneSameInstant(ZoneId.of("Europe/London")).toLocalDate();
        HttpResponse<String> r = client.get("/Patient/" + patient + "/Appointment?start=ge" + day + "&start=le" + day.plusDays(1),
                "rest:search:patient_appointments-1", "patient/*.read");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode e : JSON.readTree(r.body()).path("entry")) {
            JsonNode res = e.get("resource");
            if ("Appointment".equals(res.get("resourceType").asText())) {
                ids.add(res.get("id").asText());
            }
        }
        return ids;
    }
}
