package io.gpconnect.launcher.conformance;

import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.gpconnect.launcher.conformance.AppointmentBodies.BOOKING_ORGANISATION;
import static io.gpconnect.launcher.conformance.AppointmentBodies.DELIVERY_CHANNEL;
import static io.gpconnect.launcher.conformance.AppointmentBodies.PRACTITIONER_ROLE;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertError;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertFailure;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A2 Book an appointment, the successful paths (spec §2.4, §5.1; suite AppointmentBook.feature). Invalid
 * bookings are in {@link BookRejectionTest}. Books on day 7 (and 8 for multi-slot), cancels everything after.
 */
class BookTest {
    private static final int DAY = 7;
    private static final Appointments appointments = new Appointments();

    @AfterAll
    static void cleanUp() {
        appointments.cancelRemaining();
    }

    @Test
    void booksTheFirstFreeSlotAndRefusesToBookItTwice() {
        OpenSlot slot = OpenSlots.first(DAY);
        Reply reply = Appointments.book(AppointmentBodies.forSlot(slot, "Patient/1"));

        assertStatus(reply, 201);
        Appointment booked = reply.resource(Appointment.class);
        String id = booked.getIdElement().getIdPart();
        appointments.remember(id);
        String version = booked.getMeta().getVersionId();
        assertThat(reply.header("Location")).isEqualTo(rootUrl() + "/Appointment/" + id + "/_history/" + version);
        assertThat(reply.header("ETag")).isEqualTo("W/\"" + version + "\"");
        assertThat(reply.header("Last-Modified")).isNotBlank();
        assertBookedAsSent(booked, slot, "Patient/1");
        assertThat(OpenSlots.on(DAY)).extracting(OpenSlot::id).doesNotContain(slot.id());

        Reply again = Appointments.book(AppointmentBodies.forSlot(slot, "Patient/2"));
        assertError(again, 409, "DUPLICATE_REJECTED");
    }

    @Test
    void keepsTheOptionalExtensionsAndOrganisationTypeTheConsumerSent() {
        OpenSlot slot = OpenSlots.first(DAY);
        Appointment booked = appointments.booked(AppointmentBodies.withExtras(AppointmentBodies.forSlot(slot, "Patient/3"), slot));
        assertBookedAsSent(booked, slot, "Patient/3");
        assertThat(AppointmentBodies.bookingOrganisation(booked).getTypeFirstRep().getCodingFirstRep().getCode())
                .isEqualTo("urgent-care");
    }

    /** Spec §5.1: the booking organisation is MustSupport "with all sub-elements"; address and other codings were dropped. */
    @Test
    void returnsTheBookingOrganisationWithEverySubElementItWasSent() {
        OpenSlot slot = OpenSlots.first(DAY);
        Appointment body = AppointmentBodies.forSlot(slot, "Patient/5");
        Organization sent = AppointmentBodies.bookingOrganisation(body);
        sent.addAddress().addLine("1 Park Row").setCity("Leeds").setPostalCode("LS1 5AB");
        sent.addType().addCoding().setSystem("https://example.org/CodeSystem/unit").setCode("ooh").setDisplay("Out of hours");
        sent.addTelecom().setSystem(org.hl7.fhir.dstu3.model.ContactPoint.ContactPointSystem.EMAIL).setValue("desk@example.org");

        Appointment booked = appointments.booked(body);
        Appointment read = Appointments.current(booked.getIdElement().getIdPart());

        for (Appointment returned : List.of(booked, read)) {
            Organization org = AppointmentBodies.bookingOrganisation(returned);
            assertThat(org.getIdElement().getIdPart()).isEqualTo("1");
            assertThat(org.getAddressFirstRep().getLine()).extracting(l -> l.getValue()).containsExactly("1 Park Row");
            assertThat(org.getAddressFirstRep().getPostalCode()).isEqualTo("LS1 5AB");
            assertThat(org.getType()).extracting(t -> t.getCodingFirstRep().getCode()).contains("ooh");
            assertThat(org.getTelecom()).extracting(t -> t.getValue()).contains("desk@example.org");
            org.setId((String) null);
            Organization expected = sent.copy();
            expected.setId((String) null);
            assertThat(org.equalsDeep(expected)).as(Fhir.json(org)).isTrue();
        }
    }

    /** Spec §5.1 limits are in characters: 100 emoji are 100 characters, though 200 UTF-16 units. */
    @Test
    void countsTextLimitsInCharactersNotUtf16Units() {
        OpenSlot slot = OpenSlots.first(DAY);
        Appointment body = AppointmentBodies.forSlot(slot, "Patient/6");
        String description = "\uD83D\uDE00".repeat(100);
        body.setDescription(description);
        Appointment booked = appointments.booked(body);
        assertThat(booked.getDescription()).isEqualTo(description);
    }

    @Test
    void ignoresTheServiceCategoryAndServiceTypeAConsumerSends() {
        OpenSlot slot = OpenSlots.first(DAY);
        Appointment body = AppointmentBodies.forSlot(slot, "Patient/4");
        body.setServiceCategory(new CodeableConcept().setText("Test-ServiceCategory"));
        body.addServiceType(new CodeableConcept().setText("Test-ServiceType"));
        Appointment booked = appointments.booked(body);
        assertThat(booked.getServiceCategory().getText()).isEqualTo(slot.schedule().getServiceCategory().getText());
        assertThat(booked.getServiceTypeFirstRep().getText()).isEqualTo(slot.slot().getServiceTypeFirstRep().getText());
    }

    @Test
    void keepsTheDescriptionAndCommentAsSent() {
        Appointment body = AppointmentBodies.forSlot(OpenSlots.first(DAY), "Patient/2");
        body.setDescription("customDescription");
        body.setComment("CustomComment");
        Appointment booked = appointments.booked(body);
        assertThat(booked.getDescription()).isEqualTo("customDescription");
        assertThat(booked.getComment()).isEqualTo("CustomComment");
    }

    /** Suite "without organisation type": no org-type filter on the search, so no type on the booking organisation. */
    @Test
    void booksWithoutOrganisationTypeAfterASearchWithoutIt() {
        java.time.LocalDate day = OpenSlots.today().plusDays(DAY);
        Reply search = Call.get("/Slot", Gpc.SLOT_SEARCH).param("start", "ge" + day).param("end", "le" + day)
                .param("status", "free").param("_include", "Slot:schedule").param("searchFilter", OpenSlots.ODS_FILTER).send();
        OpenSlot slot = OpenSlots.of(assertStatus(search, 200).bundle()).get(0);
        Appointment booked = appointments.booked(AppointmentBodies.withoutOrganisationType(AppointmentBodies.forSlot(slot, "Patient/1")));
        assertBookedAsSent(booked, slot, "Patient/1");
        assertThat(AppointmentBodies.bookingOrganisation(booked).hasType()).isFalse();
    }

    @Test
    void booksFromAChunkedBody() {
        OpenSlot slot = OpenSlots.first(DAY);
        Reply reply = Call.post("/Appointment", Gpc.BOOK, Fhir.json(AppointmentBodies.forSlot(slot, "Patient/1"))).chunked().send();
        assertStatus(reply, 201);
        appointments.remember(reply.resource(Appointment.class).getIdElement().getIdPart());
    }

    @Test
    void booksFromAnXmlBodyAndAnswersInXml() {
        OpenSlot slot = OpenSlots.first(DAY);
        Reply reply = Call.post("/Appointment", Gpc.BOOK, null)
                .body(Fhir.xml(AppointmentBodies.forSlot(slot, "Patient/5")), Call.FHIR_XML).accept(Call.FHIR_XML).send();
        assertStatus(reply, 201);
        assertThat(reply.isXml()).isTrue();
        Appointment booked = reply.resource(Appointment.class);
        appointments.remember(booked.getIdElement().getIdPart());
        assertBookedAsSent(booked, slot, "Patient/5");
    }

    @Test
    void answersPreferReturnMinimalWithAnEmptyBody() {
        OpenSlot slot = OpenSlots.first(DAY);
        Reply reply = Call.post("/Appointment", Gpc.BOOK, Fhir.json(AppointmentBodies.forSlot(slot, "Patient/6")))
                .header("Prefer", "return=minimal").send();
        assertStatus(reply, 201);
        assertThat(reply.body).isEmpty();
        String location = reply.header("Location");
        assertThat(location).matches(java.util.regex.Pattern.quote(rootUrl()) + "/Appointment/[A-Za-z0-9\\-.]+/_history/\\d+");
        appointments.remember(location.replaceAll(".*/Appointment/([^/]+)/_history/.*", "$1"));
    }

    @Test
    void answersPreferReturnRepresentationWithTheAppointment() {
        OpenSlot slot = OpenSlots.first(DAY);
        Reply reply = Call.post("/Appointment", Gpc.BOOK, Fhir.json(AppointmentBodies.forSlot(slot, "Patient/7")))
                .header("Prefer", "return=representation").send();
        assertStatus(reply, 201);
        assertThat(reply.header("Content-Type")).isNotBlank();
        Appointment booked = reply.resource(Appointment.class);
        appointments.remember(booked.getIdElement().getIdPart());
    }

    @Test
    void booksBackToBackSlotsOfOneScheduleAsOneAppointment() {
        List<OpenSlot> run = contiguousPair(OpenSlots.on(DAY + 1));
        Appointment booked = appointments.booked(AppointmentBodies.forSlots(run, "Patient/8"));
        assertThat(booked.getSlot()).extracting(Reference::getReference)
                .containsExactly("Slot/" + run.get(0).id(), "Slot/" + run.get(1).id());
        assertThat(booked.getStart()).isEqualTo(run.get(0).slot().getStart());
        assertThat(booked.getEnd()).isEqualTo(run.get(1).slot().getEnd());
    }

    /** Spec §2.3: "slots in the past may be searched, but they cannot be booked". Only when today has one. */
    @Test
    void refusesASlotThatHasAlreadyStarted() {
        List<OpenSlot> started = OpenSlots.on(0).stream()
                .filter(s -> s.slot().getStart().toInstant().isBefore(Instant.now())).toList();
        assumeTrue(!started.isEmpty(), "no slot of today has started yet");
        Reply reply = Appointments.book(AppointmentBodies.forSlot(started.get(0), "Patient/1"));
        assertError(reply, 422, "INVALID_RESOURCE");
    }

    @Test
    void refusesABookingPostedToAnUnknownUrl() {
        Reply reply = Call.post("/appointmentqq/!", Gpc.BOOK, Fhir.json(AppointmentBodies.forSlot(OpenSlots.first(DAY), "Patient/1"))).send();
        assertFailure(reply);
    }

    @Test
    void needsThePatientWriteScope() {
        Reply reply = Call.post("/Appointment", Gpc.BOOK, Fhir.json(AppointmentBodies.forSlot(OpenSlots.first(DAY), "Patient/1")))
                .jwt(Jwt.forScope(Gpc.Scope.PATIENT_READ)).send();
        assertError(reply, 400, "BAD_REQUEST");
    }

    /** What spec §2.4 says the stored appointment carries, and what the suite checks of a booking response. */
    static void assertBookedAsSent(Appointment booked, OpenSlot slot, String patientRef) {
        assertThat(booked.getIdElement().getIdPart()).isNotBlank();
        assertThat(booked.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly(AppointmentBodies.APPOINTMENT_PROFILE);
        assertThat(booked.getMeta().getVersionId()).isNotBlank();
        assertThat(booked.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(booked.getStart()).isEqualTo(slot.slot().getStart());
        assertThat(booked.getEnd()).isEqualTo(slot.slot().getEnd());
        assertThat(booked.getSlot()).extracting(Reference::getReference).contains("Slot/" + slot.id());
        assertThat(booked.getDescription()).isNotBlank();
        assertThat(booked.hasCreated()).isTrue();
        assertThat(booked.hasReason()).isFalse();
        assertThat(booked.hasSpecialty()).isFalse();
        assertThat(booked.getParticipant()).extracting(p -> p.getActor().getReference()).contains(patientRef, slot.locationRef());
        assertThat(booked.getParticipant()).allSatisfy(p -> assertThat(p.hasStatus()).isTrue());

        Extension bookingOrg = booked.getExtensionByUrl(BOOKING_ORGANISATION);
        assertThat(((Reference) bookingOrg.getValue()).getReference()).isEqualTo("#1");
        Organization contained = AppointmentBodies.bookingOrganisation(booked);
        assertThat(contained.getIdElement().getIdPart()).isEqualTo("1");
        assertThat(contained.getName()).isEqualTo("Test Suite Validator");
        assertThat(contained.getTelecom()).isNotEmpty();
        assertThat(contained.getIdentifierFirstRep().getValue()).isEqualTo("A20047");

        assertThat(((CodeableConcept) booked.getExtensionByUrl(PRACTITIONER_ROLE).getValue()).getCodingFirstRep().getCode())
                .isEqualTo(((CodeableConcept) slot.schedule().getExtensionByUrl(PRACTITIONER_ROLE).getValue()).getCodingFirstRep().getCode());
        assertThat(((CodeType) booked.getExtensionByUrl(DELIVERY_CHANNEL).getValue()).getValue())
                .isEqualTo(AppointmentBodies.deliveryChannelOf(slot).getValue());
        assertThat(booked.getServiceTypeFirstRep().getText()).isEqualTo(slot.slot().getServiceTypeFirstRep().getText());
        assertThat(booked.getServiceCategory().getText()).isEqualTo(slot.schedule().getServiceCategory().getText());

        assertStatus(Call.get("/" + patientRef, Gpc.PATIENT_READ).send(), 200).resource(Patient.class);
        assertStatus(Call.get("/" + slot.locationRef(), Gpc.LOCATION_READ).send(), 200).resource(Location.class);
    }

    static List<OpenSlot> contiguousPair(List<OpenSlot> slots) {
        for (int i = 0; i + 1 < slots.size(); i++) {
            for (int j = i + 1; j < slots.size(); j++) {
                OpenSlot a = slots.get(i);
                OpenSlot b = slots.get(j);
                if (a.schedule().getIdElement().getIdPart().equals(b.schedule().getIdElement().getIdPart()) && a.slot().getEnd().equals(b.slot().getStart())) {
                    return List.of(a, b);
                }
            }
        }
        throw new AssertionError("no two back-to-back free slots of one schedule");
    }

    private static String rootUrl() {
        return io.gpconnect.launcher.SharedEngine.client().root();
    }
}
