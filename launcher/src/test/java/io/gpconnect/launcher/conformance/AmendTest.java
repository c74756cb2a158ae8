package io.gpconnect.launcher.conformance;

import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Date;
import java.util.stream.Stream;

import static io.gpconnect.launcher.conformance.AppointmentBodies.CANCELLATION_REASON;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertError;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A5 Amend an appointment (spec §2.7, §2.9, §5.2; suite AppointmentAmend.feature): only description and comment
 * may change, If-Match is honoured, every change is a new version. One appointment, booked on day 10.
 */
class AmendTest {
    private static final String ABSOLUTE = "https://test1.supplier.thirdparty.nhs.uk/A11111/STU3/1/GPConnect/";
    private static final Appointments appointments = new Appointments();
    private static String id;

    /** Amended once straight away, so that W/"1" is a stale version for every test. */
    @BeforeAll
    static void book() {
        Appointment booked = appointments.booked(10, "Patient/3");
        id = booked.getIdElement().getIdPart();
        booked.setDescription("Amended once");
        assertStatus(amend(booked).send(), 200);
    }

    @AfterAll
    static void cleanUp() {
        appointments.cancelRemaining();
    }

    static Call amend(Appointment body) {
        return Call.put("/Appointment/" + body.getIdElement().getIdPart(), Gpc.AMEND, Fhir.json(body));
    }

    @Test
    void changesDescriptionAndCommentAndNothingElseAsANewVersion() {
        Appointment before = Appointments.current(id);
        Appointment edit = before.copy();
        edit.setDescription("customDescription");
        edit.setComment("customComment");

        Reply reply = assertStatus(amend(edit).send(), 200);
        Appointment after = reply.resource(Appointment.class);
        assertThat(after.getDescription()).isEqualTo("customDescription");
        assertThat(after.getComment()).isEqualTo("customComment");
        assertThat(after.getMeta().getVersionId()).isNotEqualTo(before.getMeta().getVersionId());
        assertThat(reply.header("ETag")).isEqualTo("W/\"" + after.getMeta().getVersionId() + "\"");
        assertThat(after.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(after.getStart()).isEqualTo(before.getStart());
        assertThat(after.getEnd()).isEqualTo(before.getEnd());
        assertThat(after.getSlot()).extracting(Reference::getReference)
                .isEqualTo(before.getSlot().stream().map(Reference::getReference).toList());
        assertThat(after.getParticipant()).extracting(p -> p.getActor().getReference())
                .isEqualTo(before.getParticipant().stream().map(p -> p.getActor().getReference()).toList());
        assertThat(after.getExtension()).extracting(e -> e.getUrl())
                .containsExactlyInAnyOrderElementsOf(before.getExtension().stream().map(e -> e.getUrl()).toList());
        assertThat(Appointments.current(id).getDescription()).isEqualTo("customDescription");
    }

    @Test
    void ignoresChangedOrMissingServiceCategoryAndServiceType() {
        Appointment before = Appointments.current(id);
        Appointment changed = before.copy();
        changed.setServiceCategory(new CodeableConcept().setText("Test-ServiceCategory"));
        changed.getServiceTypeFirstRep().setText("Test-ServiceType");
        Appointment after = assertStatus(amend(changed).send(), 200).resource(Appointment.class);
        assertThat(after.getServiceCategory().getText()).isEqualTo(before.getServiceCategory().getText());
        assertThat(after.getServiceTypeFirstRep().getText()).isEqualTo(before.getServiceTypeFirstRep().getText());

        Appointment removed = after.copy();
        removed.setServiceCategory(null);
        removed.getServiceType().clear();
        removed.setDescription("TestChangedDescription");
        Appointment again = assertStatus(amend(removed).send(), 200).resource(Appointment.class);
        assertThat(again.getDescription()).isEqualTo("TestChangedDescription");
        assertThat(again.getServiceTypeFirstRep().getText()).isEqualTo(before.getServiceTypeFirstRep().getText());
    }

    @Test
    void honoursAnIfMatchOfTheCurrentVersion() {
        Appointment current = Appointments.current(id);
        current.setComment("with If-Match");
        Reply reply = amend(current).header("If-Match", "W/\"" + current.getMeta().getVersionId() + "\"").send();
        assertStatus(reply, 200);
    }

    @ParameterizedTest(name = "If-Match: {0}")
    @ValueSource(strings = {"W/\"invalidEtag\"", "invalidEtag", "W/\"\"", "W/\"1\""})
    void refusesAnIfMatchThatIsNotTheCurrentVersion(String ifMatch) {
        Appointment current = Appointments.current(id);
        assertThat(current.getMeta().getVersionId()).as("the appointment has moved past version 1").isNotEqualTo("1");
        current.setComment("customComment");
        assertError(amend(current).header("If-Match", ifMatch).send(), 409, "FHIR_CONSTRAINT_VIOLATION");
    }

    @Test
    void answersPreferReturnMinimalWithAnEmptyBody() {
        Reply reply = amend(Appointments.current(id)).header("Prefer", "return=minimal").send();
        assertStatus(reply, 200);
        assertThat(reply.body).isEmpty();
    }

    @Test
    void amendsFromAnXmlBodyAndAnswersInXml() {
        Appointment current = Appointments.current(id);
        current.setDescription("from XML");
        Reply reply = Call.put("/Appointment/" + id, Gpc.AMEND, null).body(Fhir.xml(current), Call.FHIR_XML)
                .accept(Call.FHIR_XML).send();
        assertStatus(reply, 200);
        assertThat(reply.isXml()).isTrue();
        assertThat(reply.resource(Appointment.class).getDescription()).isEqualTo("from XML");
    }

    static Stream<Arguments> forbiddenChanges() {
        return Stream.of(
                arguments("priority", BodyEdits.model(a -> a.setPriority(1))),
                arguments("status noshow", BodyEdits.model(a -> a.setStatus(Appointment.AppointmentStatus.NOSHOW))),
                arguments("status cancelled", BodyEdits.model(a -> a.setStatus(Appointment.AppointmentStatus.CANCELLED))),
                arguments("a cancellation reason", BodyEdits.model(a -> a.addExtension(CANCELLATION_REASON, new StringType("double booked")))),
                arguments("an absolute booking organisation reference", BodyEdits.reference("/extension/0/valueReference", ABSOLUTE + "#1")),
                arguments("absolute participants", BodyEdits.model(a -> {
                    a.addParticipant().setActor(new Reference(ABSOLUTE + "Location/2")).setStatus(Appointment.ParticipationStatus.DECLINED);
                    a.addParticipant().setActor(new Reference(ABSOLUTE + "Practitioner/2")).setStatus(Appointment.ParticipationStatus.DECLINED);
                })),
                arguments("start", BodyEdits.model(a -> a.setStart(new Date(a.getStart().getTime() + 600_000)))),
                arguments("slot", BodyEdits.model(a -> a.getSlotFirstRep().setReference("Slot/other"))),
                arguments("an appointmentType", BodyEdits.model(a -> a.setAppointmentType(new CodeableConcept().setText("RANDOM")))),
                arguments("an unknown element", BodyEdits.json(j -> j.put("invalidField", "Assurance Testing"))),
                arguments("a resourceType that is not Appointment", BodyEdits.json(j -> j.put("resourceType", "InvalidResourceType"))),
                arguments("a description over 100 characters", BodyEdits.model(a -> a.setDescription("d".repeat(101)))),
                arguments("no meta.profile", BodyEdits.model(a -> a.getMeta().getProfile().clear())),
                arguments("a modifierExtension", BodyEdits.model(a -> a.addModifierExtension().setUrl("http://example.org/ext").setValue(new StringType("x")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenChanges")
    void refusesToChangeAnythingButDescriptionAndComment(String change, BodyEdits edit) {
        Appointment current = Appointments.current(id);
        Reply reply = Call.put("/Appointment/" + id, Gpc.AMEND, edit.apply(current)).send();
        assertError(reply, 422, "INVALID_RESOURCE");
        assertThat(Appointments.current(id).getMeta().getVersionId()).isEqualTo(current.getMeta().getVersionId());
    }

    @Test
    void refusesABodyWhoseIdIsNotTheUrls() {
        Appointment current = Appointments.current(id);
        current.setId("another-id");
        assertError(Call.put("/Appointment/" + id, Gpc.AMEND, Fhir.json(current)).send(), 400, "BAD_REQUEST");
    }

    @Test
    void answersNoRecordFoundForAnUnknownAppointment() {
        Appointment current = Appointments.current(id);
        current.setId("Invalid4321");
        assertError(amend(current).send(), 404, "NO_RECORD_FOUND");
    }

    @Test
    void needsThePatientWriteScope() {
        Reply reply = amend(Appointments.current(id)).jwt(Jwt.forScope(Gpc.Scope.PATIENT_READ)).send();
        assertError(reply, 400, "BAD_REQUEST");
    }
}
