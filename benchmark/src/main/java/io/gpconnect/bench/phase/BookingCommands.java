package io.gpconnect.bench.phase;

import io.gpconnect.bench.fhir.FreeSlot;
import io.gpconnect.bench.http.Consumer;
import io.gpconnect.schemas.BookingOrganisation;
import io.gpconnect.schemas.Requester;
import io.gpconnect.schemas.command.AppointmentCommand;
import io.gpconnect.schemas.command.BookAppointment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Book commands as the facade would put them on gpc.appointment.commands, for the run that bypasses HTTP. */
final class BookingCommands {
    private static final BookingOrganisation NHS_111 = BookingOrganisation.newBuilder()
            .setContainedId("1").setOdsCode(Consumer.CONSUMER_ODS).setName("NHS 111").setTelecom(List.of()).build();

    private BookingCommands() {
    }

    static AppointmentCommand book(String commandId, FreeSlot slot, String patientId, Instant now) {
        BookAppointment book = BookAppointment.newBuilder()
                .setAppointmentId(UUID.randomUUID().toString())
                .setSlotIds(List.of(slot.id()))
                .setStart(OffsetDateTime.parse(slot.start()).toInstant())
                .setEnd(OffsetDateTime.parse(slot.end()).toInstant())
                .setCreated(now)
                .setDescription("Booked by the load benchmark")
                .setPatientId(patientId)
                .setLocationId(slot.locationId())
                .setPractitionerId(slot.practitionerId())
                .setPractitionerParticipantStatus(slot.practitionerId() == null ? null : "accepted")
                .setBookingOrganisation(NHS_111)
                .build();
        return AppointmentCommand.newBuilder()
                .setCommandId(commandId)
                .setIssuedAt(now)
                .setRequester(Requester.newBuilder().setFromAsid(Consumer.CONSUMER_ASID).setOrganisationOds(Consumer.CONSUMER_ODS)
                        .setTraceId(commandId).build())
                .setCommand(book)
                .build();
    }
}
