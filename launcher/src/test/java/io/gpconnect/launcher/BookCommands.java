package io.gpconnect.launcher;

import io.gpconnect.schemas.BookingOrganisation;
import io.gpconnect.schemas.Requester;
import io.gpconnect.schemas.command.AppointmentCommand;
import io.gpconnect.schemas.command.BookAppointment;
import io.gpconnect.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Book commands for the demo practice's patient 2, sent straight onto gpc.appointment.commands (no HTTP, no gateway). */
final class BookCommands {
    private BookCommands() {
    }

    static AppointmentCommand book(String commandId, String appointmentId, FreeSlots.Found slot) {
        return book(commandId, appointmentId, slot.id(), OffsetDateTime.parse(slot.start()).toInstant(),
                OffsetDateTime.parse(slot.end()).toInstant(), slot.locationRef().substring("Location/".length()),
                slot.practitionerRef() == null ? null : slot.practitionerRef().substring("Practitioner/".length()), "A20047");
    }

    /** @param practitionerId null for a slot with none; {@code organisationOds} books and requests */
    static AppointmentCommand book(String commandId, String appointmentId, String slotId, Instant start, Instant end,
                                   String locationId, String practitionerId, String organisationOds) {
        Instant now = Instant.now();
        BookAppointment book = BookAppointment.newBuilder()
                .setAppointmentId(appointmentId)
                .setSlotIds(List.of(slotId))
                .setStart(start)
                .setEnd(end)
                .setCreated(now)
                .setDescription("Sent straight to the command topic")
                .setPatientId("2")
                .setLocationId(locationId)
                .setPractitionerId(practitionerId)
                .setPractitionerParticipantStatus(practitionerId == null ? null : "accepted")
                .setBookingOrganisation(BookingOrganisation.newBuilder().setContainedId("1").setOdsCode(organisationOds)
                        .setName("Booking organisation of the slot search").setTelecom(List.of()).build())
                .build();
        return AppointmentCommand.newBuilder()
                .setCommandId(commandId)
                .setIssuedAt(now)
                .setRequester(Requester.newBuilder().setFromAsid("200000000359").setOrganisationOds(organisationOds).setTraceId(commandId).build())
                .setCommand(book)
                .build();
    }

    /** Sends the serialised command record, each time given, keyed by the demo practice. */
    static void send(Engine engine, byte[] record, int times) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", engine.settings().bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < times; i++) {
                producer.send(new ProducerRecord<>(Topics.APPOINTMENT_COMMANDS.name(), "A20047", record)).get();
            }
        }
    }

    static byte[] serialised(Engine engine, AppointmentCommand command) {
        return engine.settings().serdes().valueSerde(AppointmentCommand.class).serializer()
                .serialize(Topics.APPOINTMENT_COMMANDS.name(), command);
    }
}
