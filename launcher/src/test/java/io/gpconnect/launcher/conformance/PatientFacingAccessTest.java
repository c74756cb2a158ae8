package io.gpconnect.launcher.conformance;

import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.gpconnect.launcher.conformance.SpineAssertions.assertError;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patient-facing access over HTTP (this provider's extension; GP Connect 1.2.7 has no patient token form): a token
 * with {@code requesting_patient} (NHS number) in place of {@code requesting_practitioner} reads, books and cancels
 * only that patient's appointments, and gets 403 ACCESS_DENIED for anyone else's; clinicians are unaffected.
 */
class PatientFacingAccessTest {
    private static final int DAY = 10;
    private static final String OWN_NHS = "9658218873";
    private static final String OWN = "Patient/2";
    private static final String OTHER = "Patient/3";
    private static final String OTHER_NHS = "9658218881";
    private static final Appointments appointments = new Appointments();
    private static Appointment own;
    private static Appointment others;

    @BeforeAll
    static void clinicianBooksForBothPatients() {
        own = appointments.booked(DAY, OWN);
        others = appointments.booked(DAY, OTHER);
    }

    @AfterAll
    static void cleanUp() {
        appointments.cancelRemaining();
    }

    static Jwt patientToken(String scope) {
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("resourceType", "Patient");
        patient.put("id", "nhs-login-77");
        patient.put("identifier", List.of(Jwt.identifier("https://fhir.nhs.uk/Id/nhs-number", OWN_NHS)));
        return Jwt.forScope(scope).without("requesting_practitioner").with("sub", "nhs-login-77").with("requesting_patient", patient);
    }

    private static Call asPatient(Call call, Gpc interaction) {
        return call.jwt(patientToken(interaction.scope));
    }

    private static String id(Appointment a) {
        return a.getIdElement().getIdPart();
    }

    @Test
    void findsAndReadsOnlyThemself() {
        assertStatus(asPatient(Call.get("/" + OWN, Gpc.PATIENT_READ), Gpc.PATIENT_READ).send(), 200);
        assertError(asPatient(Call.get("/" + OTHER, Gpc.PATIENT_READ), Gpc.PATIENT_READ).send(), 403, "ACCESS_DENIED");

        Reply found = asPatient(Call.get("/Patient", Gpc.PATIENT_SEARCH), Gpc.PATIENT_SEARCH)
                .param("identifier", "https://fhir.nhs.uk/Id/nhs-number|" + OWN_NHS).send();
        assertThat(assertStatus(found, 200).bundle().getEntry()).hasSize(1);
        assertError(asPatient(Call.get("/Patient", Gpc.PATIENT_SEARCH), Gpc.PATIENT_SEARCH)
                .param("identifier", "https://fhir.nhs.uk/Id/nhs-number|" + OTHER_NHS).send(), 403, "ACCESS_DENIED");
    }

    @Test
    void readsOnlyTheirOwnAppointments() {
        Reply read = asPatient(Call.get("/Appointment/" + id(own), Gpc.READ_APPOINTMENT), Gpc.READ_APPOINTMENT).send();
        assertThat(assertStatus(read, 200).resource(Appointment.class).getIdElement().getIdPart()).isEqualTo(id(own));
        assertError(asPatient(Call.get("/Appointment/" + id(others), Gpc.READ_APPOINTMENT), Gpc.READ_APPOINTMENT).send(),
                403, "ACCESS_DENIED");

        LocalDate day = OpenSlots.today().plusDays(DAY);
        Reply mine = asPatient(Call.get("/" + OWN + "/Appointment", Gpc.PATIENT_APPOINTMENTS), Gpc.PATIENT_APPOINTMENTS)
                .param("start", "ge" + day).param("start", "le" + day).send();
        List<String> ids = assertStatus(mine, 200).bundle().getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .map(Resource::getIdElement).map(i -> i.getIdPart()).toList();
        assertThat(ids).contains(id(own)).doesNotContain(id(others));
        assertError(asPatient(Call.get("/" + OTHER + "/Appointment", Gpc.PATIENT_APPOINTMENTS), Gpc.PATIENT_APPOINTMENTS)
                .param("start", "ge" + day).param("start", "le" + day).send(), 403, "ACCESS_DENIED");
    }

    @Test
    void anIdThatExistsForNobodyIsStillNotFound() {
        assertError(asPatient(Call.get("/Appointment/no-such-appointment", Gpc.READ_APPOINTMENT), Gpc.READ_APPOINTMENT).send(),
                404, "NO_RECORD_FOUND");
    }

    @Test
    void cancelsOnlyTheirOwnAppointments() {
        Appointment theirs = Appointments.current(id(others));
        Reply refused = asPatient(Call.put("/Appointment/" + id(others), Gpc.CANCEL,
                Fhir.json(AppointmentBodies.cancelling(theirs, "not mine to cancel"))), Gpc.CANCEL).send();
        assertError(refused, 403, "ACCESS_DENIED");
        assertThat(Appointments.current(id(others)).getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(Appointments.current(id(others)).getMeta().getVersionId()).isEqualTo(theirs.getMeta().getVersionId());

        Appointment mine = Appointments.current(id(own));
        Reply cancelled = asPatient(Call.put("/Appointment/" + id(own), Gpc.CANCEL,
                Fhir.json(AppointmentBodies.cancelling(mine, "cannot make it"))), Gpc.CANCEL).send();
        assertThat(assertStatus(cancelled, 200).resource(Appointment.class).getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
    }

    @Test
    void booksOnlyForThemself() {
        OpenSlot slot = OpenSlots.first(DAY + 1);
        Reply refused = asPatient(Call.post("/Appointment", Gpc.BOOK, Fhir.json(AppointmentBodies.forSlot(slot, OTHER))), Gpc.BOOK).send();
        assertError(refused, 403, "ACCESS_DENIED");
        assertThat(OpenSlots.on(DAY + 1)).extracting(OpenSlot::id).contains(slot.id());

        Reply booked = asPatient(Call.post("/Appointment", Gpc.BOOK, Fhir.json(AppointmentBodies.forSlot(slot, OWN))), Gpc.BOOK).send();
        Appointment appointment = assertStatus(booked, 201).resource(Appointment.class);
        appointments.remember(id(appointment));
        assertThat(appointment.getParticipantFirstRep().getActor().getReference()).isEqualTo(OWN);
    }

    @Test
    void mayNotAmendEvenTheirOwn() {
        Appointment mine = Appointments.current(id(own)).copy();
        mine.setDescription("changed by a patient");
        assertError(asPatient(Call.put("/Appointment/" + id(own), Gpc.AMEND, Fhir.json(mine)), Gpc.AMEND).send(), 403, "ACCESS_DENIED");
    }

    @Test
    void searchesFreeSlotsLikeAnyConsumer() {
        LocalDate day = OpenSlots.today().plusDays(DAY);
        assertStatus(asPatient(OpenSlots.search(day, day), Gpc.SLOT_SEARCH).send(), 200);
    }

    @Test
    void aTokenWithNeitherPractitionerNorPatientIsTheSpecs400() {
        Jwt neither = Jwt.forScope(Gpc.READ_APPOINTMENT.scope).without("requesting_practitioner");
        assertError(Call.get("/Appointment/" + id(own), Gpc.READ_APPOINTMENT).jwt(neither).send(), 400, "BAD_REQUEST");
    }

    @Test
    void cliniciansStillReachEveryPatientsAppointments() {
        assertStatus(Appointments.read(id(others)), 200);
        assertStatus(Call.get("/" + OTHER, Gpc.PATIENT_READ).send(), 200);
    }
}
