package io.gpconnect.launcher.conformance;

import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.StringType;
import org.hl7.fhir.dstu3.model.Type;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.gpconnect.launcher.conformance.AppointmentBodies.CANCELLATION_REASON;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertError;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A6 Cancel an appointment (spec §2.8, §2.9, §5.3; suite AppointmentCancel.feature): only the status and the
 * cancellation reason change, the slot is freed, every cancel is a new version. Books on day 11.
 */
class CancelTest {
    private static final int DAY = 11;
    private static final String ABSOLUTE = "https://test1.supplier.thirdparty.nhs.uk/A11111/STU3/1/GPConnect/";
    private static final Appointments appointments = new Appointments();
    private static String untouchable;

    @BeforeAll
    static void book() {
        untouchable = appointments.booked(DAY, "Patient/4").getIdElement().getIdPart();
    }

    @AfterAll
    static void cleanUp() {
        assertThat(Appointments.current(untouchable).getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        appointments.cancelRemaining();
    }

    private static Call cancel(Appointment body) {
        return Call.put("/Appointment/" + body.getIdElement().getIdPart(), Gpc.CANCEL, Fhir.json(body));
    }

    @Test
    void cancelsKeepingEverythingElseAndFreesTheSlot() {
        OpenSlot slot = OpenSlots.first(DAY);
        Appointment before = appointments.booked(AppointmentBodies.forSlot(slot, "Patient/1"));

        Reply reply = assertStatus(Appointments.cancel(before, "double booked"), 200);
        Appointment after = reply.resource(Appointment.class);
        assertThat(after.getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertThat(((StringType) after.getExtensionByUrl(CANCELLATION_REASON).getValue()).getValue()).isEqualTo("double booked");
        assertThat(after.getMeta().getVersionId()).isNotEqualTo(before.getMeta().getVersionId());
        assertThat(reply.header("ETag")).isEqualTo("W/\"" + after.getMeta().getVersionId() + "\"");
        assertThat(after.getIdElement().getIdPart()).isEqualTo(before.getIdElement().getIdPart());
        assertThat(after.getDescription()).isEqualTo(before.getDescription());
        assertThat(after.getStart()).isEqualTo(before.getStart());
        assertThat(after.getEnd()).isEqualTo(before.getEnd());
        assertThat(after.getCreated()).isEqualTo(before.getCreated());
        assertThat(after.getSlot()).extracting(Reference::getReference)
                .isEqualTo(before.getSlot().stream().map(Reference::getReference).toList());
        assertThat(after.getParticipant()).extracting(p -> p.getActor().getReference() + " " + p.getStatus())
                .isEqualTo(before.getParticipant().stream().map(p -> p.getActor().getReference() + " " + p.getStatus()).toList());
        for (Extension extension : before.getExtension()) {
            assertThat(after.getExtensionByUrl(extension.getUrl()).getValue().equalsDeep(extension.getValue()))
                    .as(extension.getUrl()).isTrue();
        }
        assertThat(after.getExtension()).hasSize(before.getExtension().size() + 1);
        assertThat(OpenSlots.on(DAY)).extracting(OpenSlot::id).contains(slot.id());
    }

    @Test
    void honoursAnIfMatchOfTheCurrentVersion() {
        Appointment booked = appointments.booked(DAY, "Patient/2");
        Reply reply = cancel(AppointmentBodies.cancelling(booked, "double booked"))
                .header("If-Match", "W/\"" + booked.getMeta().getVersionId() + "\"").send();
        assertThat(assertStatus(reply, 200).resource(Appointment.class).getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
    }

    @Test
    void answersPreferReturnMinimalWithAnEmptyBody() {
        Appointment booked = appointments.booked(DAY, "Patient/3");
        Reply reply = cancel(AppointmentBodies.cancelling(booked, "double booked")).header("Prefer", "return=minimal").send();
        assertStatus(reply, 200);
        assertThat(reply.body).isEmpty();
    }

    @Test
    void cancelsFromAnXmlBodyAndThenRefusesToAmend() {
        Appointment booked = appointments.booked(DAY, "Patient/5");
        Reply reply = Call.put("/Appointment/" + booked.getIdElement().getIdPart(), Gpc.CANCEL, null)
                .body(Fhir.xml(AppointmentBodies.cancelling(booked, "Test-Cancel-Reason")), Call.FHIR_XML).accept(Call.FHIR_XML).send();
        assertThat(assertStatus(reply, 200).isXml()).isTrue();
        Appointment cancelled = reply.resource(Appointment.class);

        Reply amend = Call.put("/Appointment/" + booked.getIdElement().getIdPart(), Gpc.AMEND, Fhir.json(cancelled)).send();
        assertError(amend, 422, "INVALID_RESOURCE");
    }

    static Stream<Arguments> forbiddenChanges() {
        return Stream.of(
                arguments("comment", BodyEdits.model(a -> a.setComment("RANDOM COMMENT"))),
                arguments("description", BodyEdits.model(a -> a.setDescription("RANDOM DESCRIPTION"))),
                arguments("type text", BodyEdits.model(a -> a.setAppointmentType(new CodeableConcept().setText("RANDOM TYPE TEXT")))),
                arguments("added participants", BodyEdits.model(a -> {
                    participant(a, "location/2");
                    participant(a, "Patient/2");
                    participant(a, "Practitioner/2");
                })),
                arguments("absolute participants", BodyEdits.model(a -> {
                    participant(a, ABSOLUTE + "Location/2");
                    participant(a, ABSOLUTE + "Patient/2");
                })),
                arguments("an absolute booking organisation reference", BodyEdits.reference("/extension/0/valueReference", ABSOLUTE + "#1")),
                arguments("status booked", BodyEdits.model(a -> a.setStatus(Appointment.AppointmentStatus.BOOKED))),
                arguments("no meta.profile", BodyEdits.model(a -> a.getMeta().getProfile().clear())),
                arguments("an empty reason url", BodyEdits.model(a -> reasonExtension(a).setUrl(""))),
                arguments("a misspelt reason url", BodyEdits.model(a -> reasonExtension(a).setUrl(
                        "http://fhir.nhs.uk/StructuraeDefinition/extension-gpconnect-appointment-cancellation-reason-1-010"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenChanges")
    void refusesToChangeAnythingButStatusAndReason(String change, BodyEdits edit) {
        assertError(cancelUntouchable(edit), 422, "INVALID_RESOURCE");
    }

    static Stream<Arguments> missingReasons() {
        return Stream.of(
                arguments("an empty reason", BodyEdits.json(j -> j.withArray("extension").forEach(e -> {
                    if (CANCELLATION_REASON.equals(e.path("url").asText())) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) e).put("valueString", "");
                    }
                }))),
                arguments("a reason extension without value", BodyEdits.model(a -> reasonExtension(a).setValue((Type) null))),
                arguments("no reason extension", BodyEdits.model(a -> a.getExtension().removeIf(e -> CANCELLATION_REASON.equals(e.getUrl())))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingReasons")
    void needsACancellationReason(String problem, BodyEdits edit) {
        assertError(cancelUntouchable(edit), 422, "INVALID_PARAMETER");
    }

    /** A valid cancel of the appointment no test may cancel, spoilt by the edit. */
    private static Reply cancelUntouchable(BodyEdits edit) {
        Appointment current = Appointments.current(untouchable);
        return Call.put("/Appointment/" + untouchable, Gpc.CANCEL, edit.apply(AppointmentBodies.cancelling(current, "double booked"))).send();
    }

    @Test
    void refusesAnIfMatchThatIsNotTheCurrentVersion() {
        Appointment current = Appointments.current(untouchable);
        Reply reply = cancel(AppointmentBodies.cancelling(current, "double booked")).header("If-Match", "W/\"invalidEtag\"").send();
        assertError(reply, 409, "FHIR_CONSTRAINT_VIOLATION");
    }

    @Test
    void answersNoRecordFoundForAnUnknownAppointment() {
        Appointment current = Appointments.current(untouchable);
        current.setId("8888888888");
        assertError(cancel(AppointmentBodies.cancelling(current, "double booked")).send(), 404, "NO_RECORD_FOUND");
    }

    private static void participant(Appointment a, String reference) {
        a.addParticipant().setActor(new Reference(reference)).setStatus(Appointment.ParticipationStatus.DECLINED);
    }

    private static Extension reasonExtension(Appointment a) {
        return a.getExtensionByUrl(CANCELLATION_REASON);
    }
}
