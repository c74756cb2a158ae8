package io.gpconnect.launcher.conformance;

import io.gpconnect.launcher.GpConnectClient;
import io.gpconnect.launcher.SharedEngine;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static io.gpconnect.launcher.conformance.SpineAssertions.assertError;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * F4 Register a patient (spec §2.2, §6; seed/SOURCES.md "Register"): through the engine, command to decision to
 * event to directory, then answered. Registrations that change seeded patients run against the shared
 * engine's twin practice, so Find a patient keeps answering the demo practice as the other tests expect.
 */
class RegisterPatientTest {
    private static final String SD = "https://fhir.nhs.uk/STU3/StructureDefinition/";
    private static final String PATH = "/Patient/$gpc.registerpatient";

    static Reply register(String body) {
        return Call.post(PATH, Gpc.REGISTER_PATIENT, body).send();
    }

    static Reply register(Patient patient) {
        return register(RegisterBodies.json(patient));
    }

    @ParameterizedTest(name = "{0} {1} ({4})")
    @CsvSource({
            "9658218865, WRIGHT, Garth, 1933-11-14, patient1 active, 409, DUPLICATE_REJECTED",
            "9658220142, KEWN, Emilie, 1999-10-03, patient9 sensitive, 400, INVALID_PATIENT_DEMOGRAPHICS",
            "9658220290, BISSET, Dan, 1969-11-23, patient18 deceased, 400, INVALID_PATIENT_DEMOGRAPHICS",
            "9476718943, HOPLEY, Georgina, 1927-05-15, patient14 active but not on the Spine, 400, INVALID_PATIENT_DEMOGRAPHICS",
            "9658220223, TABRON, Dilys, 1969-11-27, patient11 superseded, 400, INVALID_NHS_NUMBER"})
    void answersTheAssuranceSuitesPatientsAsItExpects(String nhsNumber, String family, String given, String birthDate,
                                                       String why, int status, String spineCode) {
        assertError(register(RegisterBodies.patient(nhsNumber, family, given, birthDate)), status, spineCode);
    }

    @Test
    void registersAnUnknownPatientAsTemporaryAndFindsThemAfterwards() {
        String nhsNumber = RegisterBodies.unusedNhsNumber();
        assertThat(PatientTest.search(PatientTest.NHS_NUMBER + "|" + nhsNumber).bundle().getEntry()).isEmpty();

        Patient registered = registeredPatient(register(RegisterBodies.patient(nhsNumber, "Jones", "Ada", "1990-02-03")));
        assertThat(registered.getIdentifierFirstRep().getValue()).isEqualTo(nhsNumber);
        assertThat(registered.getNameFirstRep().getFamily()).isEqualTo("Jones");
        assertThat(registered.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Ada");
        assertThat(registered.getBirthDateElement().getValueAsString()).isEqualTo("1990-02-03");
        Reference branch = (Reference) registrationDetail(registered, "preferredBranchSurgery").getValue();
        assertStatus(Call.get("/" + branch.getReference(), Gpc.LOCATION_READ).send(), 200).resource(Location.class);

        Patient found = PatientTest.find(nhsNumber);
        assertThat(found.getIdElement().getIdPart()).isEqualTo(registered.getIdElement().getIdPart());
        assertThat(registrationType(found)).isEqualTo("T");
        Reply read = Call.get("/Patient/" + registered.getIdElement().getIdPart(), Gpc.PATIENT_READ).send();
        assertThat(assertStatus(read, 200).resource(Patient.class).getIdentifierFirstRep().getValue()).isEqualTo(nhsNumber);

        assertError(register(RegisterBodies.patient(nhsNumber, "Jones", "Ada", "1990-02-03")), 409, "DUPLICATE_REJECTED");
    }

    @Test
    void reRegistersTheInactivePatient21AsTemporaryOnlyWithTheirDemographics() {
        GpConnectClient twin = SharedEngine.twinClient();
        Patient orme = RegisterBodies.patient("9658219748", "Orme", "Lynda", "1979-10-06");
        assertThat(findAt(twin, "9658219748").getEntry()).as("inactive: not found before registering").isEmpty();

        Patient wrongBirthDate = RegisterBodies.patient("9658219748", "Orme", "Lynda", "1979-10-07");
        assertError(Call.post(PATH, Gpc.REGISTER_PATIENT, RegisterBodies.json(wrongBirthDate)).sendTo(twin), 400,
                "INVALID_PATIENT_DEMOGRAPHICS");

        Patient registered = registeredPatient(Call.post(PATH, Gpc.REGISTER_PATIENT, RegisterBodies.json(orme)).sendTo(twin));
        assertThat(registered.getIdElement().getIdPart()).as("the practice's own record, re-activated").isEqualTo("21");
        assertThat(registered.getNameFirstRep().getFamily()).isEqualTo("ORME");
        assertThat(findAt(twin, "9658219748").getEntry()).singleElement()
                .satisfies(e -> assertThat(e.getResource().getIdElement().getIdPart()).isEqualTo("21"));

        assertError(Call.post(PATH, Gpc.REGISTER_PATIENT, RegisterBodies.json(orme)).sendTo(twin), 409, "DUPLICATE_REJECTED");
        assertThat(PatientTest.search(PatientTest.NHS_NUMBER + "|9658219748").bundle().getEntry())
                .as("the demo practice's patient21 is untouched").isEmpty();
    }

    @Test
    void racingRegistrationsOfOneNumberRegisterItOnce() {
        String nhsNumber = RegisterBodies.unusedNhsNumber();
        String body = RegisterBodies.json(RegisterBodies.patient(nhsNumber, "Race", "Rita", "1985-05-05"));
        List<CompletableFuture<Reply>> replies = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> register(body))).toList();
        List<Integer> statuses = replies.stream().map(CompletableFuture::join).map(r -> r.status).sorted().toList();
        assertThat(statuses).containsExactly(200, 409, 409, 409);
        assertThat(PatientTest.search(PatientTest.NHS_NUMBER + "|" + nhsNumber).bundle().getEntry()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "not JSON; {\"resourceType\":\"Parameters\",; 400; BAD_REQUEST",
            "a Patient, not Parameters; {\"resourceType\":\"Patient\"}; 422; INVALID_RESOURCE",
            "no parameter; {\"resourceType\":\"Parameters\"}; 422; INVALID_RESOURCE",
            "an unknown element; {\"resourceType\":\"Parameters\",\"colour\":\"blue\"}; 422; INVALID_RESOURCE"})
    void refusesABodyThatIsNotARegisterParameters(String why, String body, int status, String spineCode) {
        assertError(register(body), status, spineCode);
    }

    @Test
    void refusesParametersOfAnotherShape() {
        Patient patient = RegisterBodies.patient(RegisterBodies.unusedNhsNumber(), "Shape", "Sam", "1970-01-01");
        var misnamed = RegisterBodies.parameters(patient);
        misnamed.getParameterFirstRep().setName("patient");
        assertError(register(Fhir.json(misnamed)), 422, "INVALID_RESOURCE");

        var twice = RegisterBodies.parameters(patient);
        twice.addParameter().setName("registerPatient").setResource(patient.copy());
        assertError(register(Fhir.json(twice)), 422, "INVALID_RESOURCE");

        var appointment = RegisterBodies.parameters(patient);
        appointment.getParameterFirstRep().setResource(new Appointment().setDescription("not a patient"));
        assertError(register(Fhir.json(appointment)), 422, "INVALID_RESOURCE");

        var extra = RegisterBodies.parameters(patient);
        extra.addParameter().setName("comment").setValue(new org.hl7.fhir.dstu3.model.StringType("hello"));
        assertError(register(Fhir.json(extra)), 422, "INVALID_RESOURCE");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "no NHS number, INVALID_NHS_NUMBER, 400",
            "NHS number failing Modulus 11, INVALID_NHS_NUMBER, 400",
            "two NHS numbers, INVALID_NHS_NUMBER, 400",
            "no name at all, BAD_REQUEST, 400",
            "no official name, INVALID_RESOURCE, 422",
            "no family name, INVALID_RESOURCE, 422",
            "no given name, INVALID_RESOURCE, 422",
            "no birth date, INVALID_RESOURCE, 422"})
    void refusesAPatientWithoutTheMinimumContent(String missing, String spineCode, int status) {
        Patient patient = RegisterBodies.patient(RegisterBodies.unusedNhsNumber(), "Minimum", "Max", "1970-01-01");
        edits(missing).accept(patient);
        Reply reply = register(patient);
        assertError(reply, status, spineCode);
    }

    @Test
    void needsThePatientWriteScope() {
        String body = RegisterBodies.json(RegisterBodies.patient(RegisterBodies.unusedNhsNumber(), "Scope", "Sue", "1970-01-01"));
        assertError(Call.post(PATH, Gpc.REGISTER_PATIENT, body).jwt(Jwt.forScope(Gpc.Scope.PATIENT_READ)).send(), 400, "BAD_REQUEST");
    }

    private static Consumer<Patient> edits(String missing) {
        return switch (missing) {
            case "no NHS number" -> p -> p.setIdentifier(List.of(new Identifier().setSystem("https://example.org/id").setValue("1")));
            case "NHS number failing Modulus 11" -> p -> p.getIdentifierFirstRep().setValue("9000000008");
            case "two NHS numbers" -> p -> p.addIdentifier().setSystem(PatientTest.NHS_NUMBER).setValue("9658218865");
            case "no name at all" -> p -> p.setName(List.of());
            case "no official name" -> p -> p.getNameFirstRep().setUse(org.hl7.fhir.dstu3.model.HumanName.NameUse.USUAL);
            case "no family name" -> p -> p.getNameFirstRep().setFamily(null);
            case "no given name" -> p -> p.getNameFirstRep().setGiven(List.of());
            case "no birth date" -> p -> p.setBirthDate(null);
            default -> throw new IllegalArgumentException(missing);
        };
    }

    /** Spec §2.1 F4: 200 with a searchset Bundle holding the one registered CareConnect-GPC-Patient-1, temporary. */
    private static Patient registeredPatient(Reply reply) {
        assertStatus(reply, 200);
        Bundle bundle = reply.bundle();
        assertThat(bundle.getEntry()).as(reply.toString()).hasSize(1);
        Patient patient = (Patient) bundle.getEntryFirstRep().getResource();
        assertThat(patient.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(SD + "CareConnect-GPC-Patient-1");
        assertThat(patient.getIdElement().getIdPart()).isNotBlank();
        assertThat(registrationType(patient)).isEqualTo("T");
        assertThat(registrationDetail(patient, "registrationPeriod").getValue()).isNotNull();
        assertThat(patient.getManagingOrganization().getReference()).startsWith("Organization/");
        return patient;
    }

    private static String registrationType(Patient patient) {
        CodeableConcept type = (CodeableConcept) registrationDetail(patient, "registrationType").getValue();
        assertThat(type.getCodingFirstRep().getSystem()).isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-RegistrationType-1");
        return type.getCodingFirstRep().getCode();
    }

    private static Extension registrationDetail(Patient patient, String url) {
        var details = patient.getExtensionsByUrl(SD + "Extension-CareConnect-GPC-RegistrationDetails-1");
        assertThat(details).hasSize(1);
        var detail = details.get(0).getExtensionsByUrl(url);
        assertThat(detail).as(url).hasSize(1);
        return detail.get(0);
    }

    private static Bundle findAt(GpConnectClient client, String nhsNumber) {
        Reply reply = Call.get("/Patient", Gpc.PATIENT_SEARCH).param("identifier", PatientTest.NHS_NUMBER + "|" + nhsNumber).sendTo(client);
        return assertStatus(reply, 200).bundle();
    }
}
