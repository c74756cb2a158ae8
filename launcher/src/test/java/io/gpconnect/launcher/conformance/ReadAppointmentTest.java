package io.gpconnect.launcher.conformance;

import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Organization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.gpconnect.launcher.conformance.SpineAssertions.assertError;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

/** A4 Read an appointment (spec §2.6, §2.9; suite AppointmentRead.feature). Books one appointment on day 9. */
class ReadAppointmentTest {
    private static final Appointments appointments = new Appointments();
    private static OpenSlot slot;
    private static Appointment booked;

    @BeforeAll
    static void book() {
        slot = OpenSlots.first(9);
        booked = appointments.booked(AppointmentBodies.forSlot(slot, "Patient/2"));
    }

    @AfterAll
    static void cleanUp() {
        appointments.cancelRemaining();
    }

    @Test
    void readsTheAppointmentWithAnETagEqualToItsVersion() {
        Reply reply = Appointments.read(id());
        assertStatus(reply, 200);
        Appointment read = reply.resource(Appointment.class);
        assertThat(reply.header("ETag")).isEqualTo("W/\"" + read.getMeta().getVersionId() + "\"");
        assertThat(read.getMeta().getVersionId()).isEqualTo(booked.getMeta().getVersionId());
        BookTest.assertBookedAsSent(read, slot, "Patient/2");
        assertThat(read.getDescription()).isEqualTo("Default Description");
        assertThat(read.getStart()).isInSameDayAs(slot.slot().getStart());
    }

    /** Suite #177: booked with one JWT organisation, read with another; the booking organisation stays A20047. */
    @Test
    void readsAnAppointmentWhicheverOrganisationAsks() {
        Jwt fromX12345 = Jwt.forScope(Gpc.Scope.PATIENT_READ).with("requesting_organization", Jwt.organization("X12345"));
        Reply reply = Call.get("/Appointment/" + id(), Gpc.READ_APPOINTMENT).jwt(fromX12345).send();
        Appointment read = assertStatus(reply, 200).resource(Appointment.class);
        assertThat(((Organization) read.getContained().get(0)).getIdentifierFirstRep().getValue()).isEqualTo("A20047");
    }

    @ParameterizedTest(name = "Accept {0}, _format {1}")
    @CsvSource(value = {"application/fhir+json,application/fhir+xml,true", "application/fhir+xml,application/fhir+json,false",
            "application/fhir+xml,,true", "application/fhir+json,,false"})
    void answersInTheFormatAskedFor(String accept, String format, boolean xml) {
        Call call = Call.get("/Appointment/" + id(), Gpc.READ_APPOINTMENT).accept(accept);
        if (format != null) {
            call.format(format);
        }
        Reply reply = assertStatus(call.send(), 200);
        assertThat(reply.isXml()).isEqualTo(xml);
        reply.resource(Appointment.class);
    }

    @ParameterizedTest(name = "Appointment/{0}")
    @ValueSource(strings = {"Invalid4321", "8888888888", "555555", ""})
    void answersNoRecordFoundForAnUnknownOrEmptyId(String id) {
        Reply reply = Appointments.read(id);
        assertError(reply, 404, "NO_RECORD_FOUND");
        assertThat(reply.mediaType()).isEqualTo(Call.FHIR_JSON);
    }

    @ParameterizedTest(name = "scope {0}")
    @ValueSource(strings = {"patient/*.write", "organization/*.read"})
    void needsThePatientReadScope(String scope) {
        assertError(Call.get("/Appointment/" + id(), Gpc.READ_APPOINTMENT).jwt(Jwt.forScope(scope)).send(), 400, "BAD_REQUEST");
    }

    private static String id() {
        return booked.getIdElement().getIdPart();
    }
}
