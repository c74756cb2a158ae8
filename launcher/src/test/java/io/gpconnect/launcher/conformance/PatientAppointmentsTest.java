package io.gpconnect.launcher.conformance;

import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static io.gpconnect.launcher.conformance.SpineAssertions.assertError;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A3 Retrieve a patient's appointments (spec §2.5; suite AppointmentRetrieve.feature). Books for patient 6 on
 * day 12 and cancels one of the two, which must still be returned. Patient 20 is the suite's
 * "patientNoAppointments" and is never booked for.
 */
class PatientAppointmentsTest {
    private static final String PATIENT = "6";
    private static final Appointments appointments = new Appointments();
    private static Appointment kept;
    private static Appointment cancelled;

    @BeforeAll
    static void bookTwoAndCancelOne() {
        kept = appointments.booked(12, "Patient/" + PATIENT);
        Appointment second = appointments.booked(12, "Patient/" + PATIENT);
        Reply reply = Appointments.cancel(second, "Patient no longer requires appointment");
        cancelled = assertStatus(reply, 200).resource(Appointment.class);
    }

    @AfterAll
    static void cleanUp() {
        appointments.cancelRemaining();
    }

    private static Call retrieve(String patientId) {
        return Call.get("/Patient/" + patientId + "/Appointment", Gpc.PATIENT_APPOINTMENTS);
    }

    private static Call retrieve(String patientId, LocalDate from, LocalDate to) {
        return retrieve(patientId).param("start", "ge" + from).param("start", "le" + to);
    }

    @Test
    void returnsEveryAppointmentInTheRangeCancelledOnesIncluded() {
        LocalDate today = OpenSlots.today();
        Bundle bundle = assertStatus(retrieve(PATIENT, today, today.plusDays(14)).send(), 200).bundle();
        List<Appointment> found = SlotSearchTest.resources(bundle, Appointment.class);
        assertThat(found).extracting(a -> a.getIdElement().getIdPart())
                .contains(kept.getIdElement().getIdPart(), cancelled.getIdElement().getIdPart());
        assertThat(found).filteredOn(a -> a.getIdElement().getIdPart().equals(cancelled.getIdElement().getIdPart()))
                .singleElement().satisfies(a -> assertThat(a.getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED));
        for (Appointment appointment : found) {
            assertThat(appointment.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(AppointmentBodies.APPOINTMENT_PROFILE);
            assertThat(appointment.getMeta().getVersionId()).isNotBlank();
            assertThat(appointment.getParticipant()).extracting(p -> p.getActor().getReference()).contains("Patient/" + PATIENT);
            assertThat(appointment.getServiceTypeFirstRep().getText()).isNotBlank();
            assertThat(appointment.getExtensionByUrl(AppointmentBodies.BOOKING_ORGANISATION)).isNotNull();
            assertThat(appointment.getContained()).hasSize(1);
            assertThat(appointment.hasReason()).isFalse();
            assertThat(appointment.hasSpecialty()).isFalse();
            assertThat(appointment.getStart().toInstant()).isAfterOrEqualTo(today.atStartOfDay(OpenSlots.UK).toInstant());
        }
    }

    @Test
    void answersAnEmptyBundleForAPatientWithoutAppointments() {
        LocalDate today = OpenSlots.today();
        Bundle bundle = assertStatus(retrieve("20", today, today.plusDays(1)).send(), 200).bundle();
        assertThat(bundle.getEntry()).isEmpty();
    }

    /** The suite's teardown retrieves 30 days ahead: the spec sets no maximum span. */
    @Test
    void acceptsARangeLongerThanFourteenDays() {
        LocalDate today = OpenSlots.today();
        assertStatus(retrieve(PATIENT, today, today.plusDays(30)).send(), 200).bundle();
    }

    @Test
    void ignoresOtherParameters() {
        Reply reply = retrieve(PATIENT).param("start", "ge2030-03-03").param("start", "le2030-03-30").param("_sort", "date").send();
        assertStatus(reply, 200).bundle();
    }

    @ParameterizedTest(name = "Patient/{0}/Appointment")
    @ValueSource(strings = {"null", "dd", "9"})
    void answersNotFoundForAnUnknownOrSensitivePatient(String id) {
        Reply reply = retrieve(id).param("start", "ge2030-03-30").param("start", "le2030-04-30").send();
        assertError(reply, 404, "PATIENT_NOT_FOUND");
    }

    @ParameterizedTest(name = "start {0}, end {1}")
    @CsvSource({"yyyy-MM-dd,yyyy", "yyyy-MM-dd,yyyy-MM", "yyyy-MM-dd,yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd,yyyy-MM-dd'T'HH:mm:ss'Z'",
            "yyyy,yyyy-MM-dd", "yyyy-MM,yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss,yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss'Z',yyyy-MM-dd",
            "yyyy-MM-dd'T'HH:mm:ssxxx,yyyy-MM-dd"})
    void acceptsOnlyWholeDates(String startFormat, String endFormat) {
        ZonedDateTime now = ZonedDateTime.now(OpenSlots.UK);
        Reply reply = retrieve(PATIENT).param("start", "ge" + now.format(DateTimeFormatter.ofPattern(startFormat)))
                .param("start", "le" + now.plusDays(14).format(DateTimeFormatter.ofPattern(endFormat))).send();
        assertError(reply, 422, "INVALID_PARAMETER");
    }

    @ParameterizedTest(name = "{0}… and {1}…")
    @CsvSource({"ge,lt", "ge,gt", "ge,eq", "ge,ge", "lt,le", "gt,le", "eqs,le", "le,le", "random123,random123"})
    void acceptsExactlyOneGeAndOneLe(String startPrefix, String endPrefix) {
        LocalDate today = OpenSlots.today();
        Reply reply = retrieve(PATIENT).param("start", startPrefix + today).param("start", endPrefix + today.plusDays(14)).send();
        assertError(reply, 422, "INVALID_PARAMETER");
    }

    @ParameterizedTest(name = "start={0}")
    @ValueSource(strings = {"le2030-03-03", "ge2030-03-03"})
    void rejectsASingleStartParameter(String start) {
        assertError(retrieve(PATIENT).param("start", start).send(), 422, "INVALID_PARAMETER");
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({"2010-02-03,2010-03-03", "2010-03-03,2030-03-30", "ge2010-03-03,le2030-03-30"})
    void refusesToSearchThePast(String start, String end) {
        Reply reply = retrieve(PATIENT).param("start", start).param("start", end).send();
        assertThat(assertError(reply, 422, "INVALID_PARAMETER").getIssueFirstRep().getDiagnostics()).containsIgnoringCase("past");
    }

    @Test
    void rejectsAnEndBeforeTheStart() {
        Reply reply = retrieve(PATIENT).param("start", "ge2030-03-03").param("start", "le2030-01-01").send();
        assertError(reply, 422, "INVALID_PARAMETER");
    }

    @ParameterizedTest(name = "scope {0}")
    @ValueSource(strings = {"organization/*.write", "patient/*.write"})
    void needsThePatientReadScope(String scope) {
        LocalDate today = OpenSlots.today();
        Reply reply = retrieve(PATIENT, today, today.plusDays(14)).jwt(Jwt.forScope(scope)).send();
        assertError(reply, 400, "BAD_REQUEST");
    }

    @Test
    void rejectsTheOrganizationSearchInteractionId() {
        LocalDate today = OpenSlots.today();
        Reply reply = retrieve(PATIENT, today, today.plusDays(14))
                .header("Ssp-InteractionID", Gpc.ORGANIZATION_SEARCH.interactionId + " ").send();
        assertError(reply, 400, "BAD_REQUEST");
    }

    @ParameterizedTest(name = "Accept {0}, _format {1}")
    @CsvSource(value = {"application/fhir+json,application/fhir+xml,true", "application/fhir+xml,application/fhir+json,false",
            "application/fhir+xml,,true"})
    void answersInTheFormatAskedFor(String accept, String format, boolean xml) {
        LocalDate today = OpenSlots.today();
        Call call = retrieve(PATIENT, today, today.plusDays(14)).accept(accept);
        if (format != null) {
            call.format(format);
        }
        Reply reply = assertStatus(call.send(), 200);
        assertThat(reply.isXml()).isEqualTo(xml);
        assertThat(SlotSearchTest.resources(reply.bundle(), Appointment.class)).isNotEmpty();
    }
}
