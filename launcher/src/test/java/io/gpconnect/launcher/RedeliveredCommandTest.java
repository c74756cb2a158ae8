package io.gpconnect.launcher;

import io.gpconnect.schemas.BookingOrganisation;
import io.gpconnect.schemas.Requester;
import io.gpconnect.schemas.command.AppointmentCommand;
import io.gpconnect.schemas.command.BookAppointment;
import io.gpconnect.schemas.event.AppointmentBooked;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command delivered twice (the same record sent again) is answered twice with its first decision and applied
 * once: the processor finds it in its decided-command store by id and issue time and sends the stored event
 * again, where deciding it afresh would refuse the slot it had just booked.
 */
class RedeliveredCommandTest {

    @Test
    void theSameCommandSentTwiceIsAnsweredTwiceWithItsFirstDecisionAndBooksOnce() throws Exception {
        Engine engine = SharedEngine.get();
        GpConnectClient client = SharedEngine.client();
        List<FreeSlots.Found> free = FreeSlots.search(client, 5, 1);
        assertThat(free).isNotEmpty();
        FreeSlots.Found slot = free.get(free.size() - 1);
        String commandId = "redelivered-" + UUID.randomUUID();
        String appointmentId = UUID.randomUUID().toString();
        byte[] record = engine.settings().serdes().valueSerde(AppointmentCommand.class).serializer()
                .serialize(Topics.APPOINTMENT_COMMANDS.name(), book(commandId, appointmentId, slot));

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", engine.settings().bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.APPOINTMENT_COMMANDS.name(), "A20047", record)).get();
            producer.send(new ProducerRecord<>(Topics.APPOINTMENT_COMMANDS.name(), "A20047", record)).get();
        }

        List<AppointmentEvent> answers = List.of();
        long deadline = System.currentTimeMillis() + 30_000;
        while (answers.size() < 2 && System.currentTimeMillis() < deadline) {
            answers = EventLog.readAll(engine.settings()).stream().filter(e -> commandId.equals(e.getCommandId())).toList();
            if (answers.size() < 2) {
                Thread.sleep(200);
            }
        }
        assertThat(answers).hasSize(2);
        assertThat(answers.get(0).getEvent()).isInstanceOf(AppointmentBooked.class);
        assertThat(answers.get(1)).isEqualTo(answers.get(0));

        // The views apply the event a moment after it is committed.
        HttpResponse<String> read = null;
        boolean slotStillOffered = true;
        deadline = System.currentTimeMillis() + 10_000;
        while ((read == null || read.statusCode() != 200 || slotStillOffered) && System.currentTimeMillis() < deadline) {
            read = client.get("/Appointment/" + appointmentId, "rest:read:appointment-1", "patient/*.read");
            slotStillOffered = FreeSlots.search(client, 5, 1).stream().anyMatch(s -> s.id().equals(slot.id()));
        }
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(slotStillOffered).isFalse();
    }

    private static AppointmentCommand book(String commandId, String appointmentId, FreeSlots.Found slot) {
        Instant now = Instant.now();
        BookAppointment book = BookAppointment.newBuilder()
                .setAppointmentId(appointmentId)
                .setSlotIds(List.of(slot.id()))
                .setStart(OffsetDateTime.parse(slot.start()).toInstant())
                .setEnd(OffsetDateTime.parse(slot.end()).toInstant())
                .setCreated(now)
                .setDescription("Delivered twice")
                .setPatientId("2")
                .setLocationId(slot.locationRef().substring("Location/".length()))
                .setPractitionerId(slot.practitionerRef() == null ? null : slot.practitionerRef().substring("Practitioner/".length()))
                .setPractitionerParticipantStatus(slot.practitionerRef() == null ? null : "accepted")
                .setBookingOrganisation(BookingOrganisation.newBuilder().setContainedId("1").setOdsCode("A20047")
                        .setName("Booking organisation of the slot search").setTelecom(List.of()).build())
                .build();
        return AppointmentCommand.newBuilder()
                .setCommandId(commandId)
                .setIssuedAt(now)
                .setRequester(Requester.newBuilder().setFromAsid("200000000359").setOrganisationOds("A20047").setTraceId(commandId).build())
                .setCommand(book)
                .build();
    }
}
