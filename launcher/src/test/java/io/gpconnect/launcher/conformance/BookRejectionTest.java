package io.gpconnect.launcher.conformance;

import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Date;
import java.util.stream.Stream;

import static io.gpconnect.launcher.conformance.AppointmentBodies.BOOKING_ORGANISATION;
import static io.gpconnect.launcher.conformance.AppointmentBodies.CANCELLATION_REASON;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A2 Book an appointment: every body spec §5.1 and the suite's AppointmentBook.feature reject, as 422
 * INVALID_RESOURCE, and the malformed body as 400 BAD_REQUEST. None of them may take the slot.
 */
class BookRejectionTest {
    private static final String ABSOLUTE = "https://test1.supplier.thirdparty.nhs.uk/A11111/STU3/1/GPConnect/";
    private static OpenSlot slot;

    @BeforeAll
    static void findSlot() {
        slot = OpenSlots.first(7);
    }

    @AfterAll
    static void theSlotIsStillFree() {
        assertThat(OpenSlots.on(7)).extracting(OpenSlot::id).contains(slot.id());
    }

    static Stream<Arguments> invalidBookings() {
        return Stream.of(
                arguments("no Patient participant", BodyEdits.model(a -> a.getParticipant().removeIf(p -> actor(p).startsWith("Patient/")))),
                arguments("no Location participant", BodyEdits.model(a -> a.getParticipant().removeIf(p -> actor(p).startsWith("Location/")))),
                arguments("no participants", BodyEdits.model(a -> a.getParticipant().clear())),
                arguments("participant without status", BodyEdits.model(a -> a.getParticipant().forEach(p -> p.setStatus(null)))),
                arguments("participant with an absolute reference", BodyEdits.model(a -> a.getParticipantFirstRep().getActor()
                        .setReference(ABSOLUTE + "Patient/1"))),
                arguments("a Location that is not the Schedule's", BodyEdits.model(a -> a.getParticipant().stream()
                        .filter(p -> actor(p).startsWith("Location/")).forEach(p -> p.getActor().setReference(otherLocation())))),
                arguments("a Practitioner who is not the Schedule's", BodyEdits.model(a -> a.addParticipant()
                        .setActor(new Reference("Practitioner/4")).setStatus(Appointment.ParticipationStatus.ACCEPTED))),
                arguments("an unknown element", BodyEdits.json(j -> j.put("invalidField", "Assurance Testing"))),
                arguments("Slot/45555g55555", BodyEdits.model(a -> slotReference(a, "Slot/45555g55555"))),
                arguments("Slot/45555555##", BodyEdits.model(a -> slotReference(a, "Slot/45555555##"))),
                arguments("Slot/hello", BodyEdits.model(a -> slotReference(a, "Slot/hello"))),
                arguments("an absolute Slot reference", BodyEdits.reference("/slot/0", ABSOLUTE + "Slot/#12345")),
                arguments("no start", BodyEdits.model(a -> a.setStartElement(null))),
                arguments("no end", BodyEdits.model(a -> a.setEndElement(null))),
                arguments("start and end not the slot's", BodyEdits.model(a -> {
                    a.setStart(new Date(a.getStart().getTime() + 60_000));
                    a.setEnd(new Date(a.getEnd().getTime() + 60_000));
                })),
                arguments("no status", BodyEdits.model(a -> a.setStatus(null))),
                arguments("status cancelled", BodyEdits.model(a -> a.setStatus(Appointment.AppointmentStatus.CANCELLED))),
                arguments("no slot", BodyEdits.model(a -> a.getSlot().clear())),
                arguments("no created", BodyEdits.model(a -> a.setCreatedElement(null))),
                arguments("no description", BodyEdits.model(a -> a.setDescription(null))),
                arguments("a description over 100 characters", BodyEdits.model(a -> a.setDescription("d".repeat(101)))),
                arguments("a comment over 500 characters", BodyEdits.model(a -> a.setComment("c".repeat(501)))),
                arguments("a description of 101 emoji", BodyEdits.model(a -> a.setDescription("\uD83D\uDE00".repeat(101)))),
                arguments("an identifier with a use", BodyEdits.model(a -> a.addIdentifier().setUse(org.hl7.fhir.dstu3.model.Identifier.IdentifierUse.OFFICIAL)
                        .setSystem("https://fhir.nhs.uk/Id/gpconnect-appointment-identifier").setValue("1"))),
                arguments("an identifier with a period", BodyEdits.model(a -> a.addIdentifier().setPeriod(new Period().setStart(new Date()))
                        .setSystem("https://fhir.nhs.uk/Id/gpconnect-appointment-identifier").setValue("1"))),
                arguments("a modifierExtension", BodyEdits.model(a -> a.addModifierExtension().setUrl("http://example.org/ext").setValue(new StringType("x")))),
                arguments("a participant modifierExtension", BodyEdits.model(a -> a.getParticipantFirstRep().addModifierExtension()
                        .setUrl("http://example.org/ext").setValue(new StringType("x")))),
                arguments("an identifier without value", BodyEdits.model(a -> a.addIdentifier()
                        .setSystem("https://fhir.nhs.uk/Id/gpconnect-appointment-identifier"))),
                arguments("a reason", BodyEdits.model(a -> a.addReason(new CodeableConcept().addCoding(
                        new Coding("http://snomed.info/sct", "17436001", "Medical consultation with outpatient"))))),
                arguments("a specialty (the suite's typeCode)", BodyEdits.model(a -> a.addSpecialty(new CodeableConcept().addCoding(
                        new Coding("http://hl7.org/fhir/stu3/valueset-c80-practice-codes", "394802001", "General medicine"))))),
                arguments("an appointmentType", BodyEdits.model(a -> a.setAppointmentType(new CodeableConcept().setText("Routine")))),
                arguments("an indication", BodyEdits.model(a -> a.addIndication(new Reference("Condition/1")))),
                arguments("supportingInformation", BodyEdits.model(a -> a.addSupportingInformation(new Reference("Observation/1")))),
                arguments("an incomingReferral", BodyEdits.model(a -> a.addIncomingReferral(new Reference("ReferralRequest/1")))),
                arguments("a requestedPeriod", BodyEdits.model(a -> a.addRequestedPeriod(new Period().setStart(new Date())))),
                arguments("a cancellation reason", BodyEdits.model(a -> a.addExtension(CANCELLATION_REASON, new StringType("Too busy")))),
                arguments("an id", BodyEdits.model(a -> a.setId("abc"))),
                arguments("no meta.profile", BodyEdits.model(a -> a.getMeta().getProfile().clear())),
                arguments("no booking organisation name", BodyEdits.model(a -> organisation(a).setName(null))),
                arguments("no booking organisation telecom", BodyEdits.model(a -> organisation(a).getTelecom().clear())),
                arguments("an absolute booking organisation reference", BodyEdits.reference("/extension/0/valueReference", ABSOLUTE + "#1")),
                arguments("no booking organisation extension", BodyEdits.model(a -> a.getExtension()
                        .removeIf(e -> e.getUrl().equals(BOOKING_ORGANISATION)))),
                arguments("a resourceType that is not Appointment", BodyEdits.json(j -> j.put("resourceType", "InvalidResourceType"))),
                arguments("a Bundle", BodyEdits.json(j -> {
                    j.removeAll();
                    j.put("resourceType", "Bundle").put("type", "collection");
                })),
                arguments("an empty Appointment", BodyEdits.json(j -> {
                    j.removeAll();
                    j.put("resourceType", "Appointment");
                })),
                arguments("an invalid date", BodyEdits.json(j -> j.put("start", "garbage"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBookings")
    void rejectsAnInvalidBooking(String problem, BodyEdits edit) {
        Reply reply = Call.post("/Appointment", Gpc.BOOK, edit.apply(AppointmentBodies.forSlot(slot, "Patient/1"))).send();
        assertError(reply, 422, "INVALID_RESOURCE");
    }

    /** Spec §5.1: several slots are booked together only if back to back, of one schedule. */
    @Test
    void rejectsSlotsThatAreNotBackToBackOfOneSchedule() {
        java.util.List<OpenSlot> day = OpenSlots.on(7);
        OpenSlot first = day.get(0);
        OpenSlot gap = day.stream().filter(s -> sameSchedule(s, first) && s.slot().getStart().after(first.slot().getEnd()))
                .findFirst().orElseThrow(() -> new AssertionError("no later slot of the first slot's schedule"));
        assertError(Appointments.book(AppointmentBodies.forSlots(java.util.List.of(first, gap), "Patient/1")), 422, "INVALID_RESOURCE");
        java.util.Optional<OpenSlot> other = day.stream().filter(s -> !sameSchedule(s, first)
                && s.slot().getStart().equals(first.slot().getEnd())).findFirst();
        other.ifPresent(o -> assertError(Appointments.book(AppointmentBodies.forSlots(java.util.List.of(first, o), "Patient/1")),
                422, "INVALID_RESOURCE"));
    }

    private static boolean sameSchedule(OpenSlot a, OpenSlot b) {
        return a.schedule().getIdElement().getIdPart().equals(b.schedule().getIdElement().getIdPart());
    }

    /** Spec §5.6: organisation restrictions apply at booking too, not only to the search. */
    @Test
    void rejectsABookingOrganisationTheSlotIsNotOpenTo() {
        OpenSlot restricted = java.util.stream.IntStream.rangeClosed(7, 10).boxed()
                .flatMap(day -> OpenSlots.on(day).stream())
                .filter(s -> typeRestricted(s.schedule().getIdElement().getIdPart()))
                .findFirst().orElseThrow(() -> new AssertionError("no slot restricted to an organisation type on days 7-10"));
        Appointment body = AppointmentBodies.withoutOrganisationType(AppointmentBodies.forSlot(restricted, "Patient/1"));
        assertError(Appointments.book(body), 422, "INVALID_RESOURCE");
    }

    private static boolean typeRestricted(String scheduleId) {
        return io.gpconnect.launcher.SharedEngine.get().demoPractice().schedules().stream()
                .anyMatch(s -> s.id().equals(scheduleId) && !s.bookableOrgTypes().isEmpty());
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        Reply reply = Call.post("/Appointment", Gpc.BOOK, "{\"resourceType\": \"Appointment\",").send();
        assertError(reply, 400, "BAD_REQUEST");
    }

    @Test
    void rejectsABodyThatIsNotXml() {
        Reply reply = Call.post("/Appointment", Gpc.BOOK, null).body("<Appointment xmlns=\"http://hl7.org/fhir\">", Call.FHIR_XML).send();
        assertError(reply, 400, "BAD_REQUEST");
    }

    private static String actor(Appointment.AppointmentParticipantComponent participant) {
        return participant.getActor().getReference();
    }

    private static void slotReference(Appointment a, String reference) {
        a.getSlot().clear();
        a.addSlot(new Reference(reference));
    }

    private static Organization organisation(Appointment a) {
        return (Organization) a.getContained().get(0);
    }

    private static String otherLocation() {
        return slot.locationRef().equals("Location/3") ? "Location/1" : "Location/3";
    }
}
