package io.gpconnect.launcher.conformance;

import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.gpconnect.launcher.conformance.SpineAssertions.assertError;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertFailure;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

/** F2 Find a patient and F3 Read a patient (spec §2.2; suite PatientSearch.feature, PatientRead.feature). */
class PatientTest {
    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    private static final String SD = "https://fhir.nhs.uk/STU3/StructureDefinition/";
    private static final String PATIENT2 = "9658218873";

    static Reply search(String identifier) {
        return Call.get("/Patient", Gpc.PATIENT_SEARCH).param("identifier", identifier).send();
    }

    /** The one active patient the demo practice holds for an NHS number (suite: "I get the Patient"). */
    static Patient find(String nhsNumber) {
        Reply reply = search(NHS_NUMBER + "|" + nhsNumber);
        assertStatus(reply, 200);
        Bundle bundle = reply.bundle();
        assertThat(bundle.getEntry()).as(reply.toString()).hasSize(1);
        return (Patient) bundle.getEntryFirstRep().getResource();
    }

    @ParameterizedTest(name = "NHS number {0}")
    @ValueSource(strings = {"9658218865", "9658218873", "9658218881", "9658218903", "9658218989", "9658218997",
            "9658219004", "9658219012", "9658219691", "9658220169", "9658219705", "9658219713"})
    void findsEachActivePatientOfTheSuitePoolExactlyOnce(String nhsNumber) {
        Patient patient = find(nhsNumber);
        assertThat(patient.getIdentifier()).extracting(Identifier::getValue).containsExactly(nhsNumber);
    }

    /** Sensitive (9), deceased (18), superseded (11), inactive (21) and unknown (9999999999, which passes Modulus 11). */
    @ParameterizedTest(name = "NHS number {0}")
    @ValueSource(strings = {"9658220142", "9658220290", "9658220223", "9658219748", "9999999999"})
    void answersAnEmptyBundleForPatientsItMustNotReturn(String nhsNumber) {
        Reply reply = search(NHS_NUMBER + "|" + nhsNumber);
        assertStatus(reply, 200);
        assertThat(reply.bundle().getEntry()).isEmpty();
    }

    @Test
    void returnsAPatientWithTheElementsTheSpecAsksFor() {
        assertConforms(find(PATIENT2), PATIENT2);
    }

    @Test
    void linksTheSearchsetBundleToItsOwnSearch() {
        Bundle bundle = assertStatus(search(NHS_NUMBER + "|" + PATIENT2), 200).bundle();
        assertThat(bundle.getLink("self").getUrl())
                .startsWith(io.gpconnect.launcher.SharedEngine.client().root() + "/Patient?").contains("identifier=");
        assertThat(bundle.getEntry()).allSatisfy(e -> assertThat(e.hasFullUrl()).isFalse());
    }

    @Test
    void readsThePatientFoundBySearchWithAnETagOfItsVersion() {
        Patient found = find("9658218865");
        Reply reply = Call.get("/Patient/" + found.getIdElement().getIdPart(), Gpc.PATIENT_READ).send();
        assertStatus(reply, 200);
        Patient read = reply.resource(Patient.class);
        assertThat(read.getIdElement().getIdPart()).isEqualTo(found.getIdElement().getIdPart());
        assertThat(reply.header("ETag")).isEqualTo("W/\"" + read.getMeta().getVersionId() + "\"");
        assertConforms(read, "9658218865");
    }

    @ParameterizedTest(name = "identifier={0}")
    @ValueSource(strings = {"9658218865", "|9658218873", NHS_NUMBER + "|"})
    void rejectsAnIdentifierWithoutSystemOrValue(String identifier) {
        assertError(search(identifier), 422, "INVALID_PARAMETER");
    }

    @Test
    void rejectsASearchWithoutIdentifier() {
        assertError(Call.get("/Patient", Gpc.PATIENT_SEARCH).send(), 400, "BAD_REQUEST");
    }

    @Test
    void rejectsAWronglyCasedIdentifierParameter() {
        Reply reply = Call.get("/Patient", Gpc.PATIENT_SEARCH).param("Identifier", NHS_NUMBER + "|" + PATIENT2).send();
        assertError(reply, 400, "BAD_REQUEST");
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource({"9658218873,9658218873", "9658218865,9658218873"})
    void rejectsTheIdentifierSentTwice(String first, String second) {
        Reply reply = Call.get("/Patient", Gpc.PATIENT_SEARCH)
                .param("identifier", NHS_NUMBER + "|" + first).param("identifier", NHS_NUMBER + "|" + second).send();
        assertError(reply, 400, "BAD_REQUEST");
    }

    @Test
    void rejectsAnUnknownIdentifierSystem() {
        assertError(search("https://fhir.nhs.uk/Id/ods-organization-code|" + PATIENT2), 400, "INVALID_IDENTIFIER_SYSTEM");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1234567890", "965821886", "96582188655", "965821886X"})
    void rejectsAnNhsNumberFailingModulus11OrStructure(String nhsNumber) {
        assertError(search(NHS_NUMBER + "|" + nhsNumber), 400, "INVALID_NHS_NUMBER");
    }

    @Test
    void ignoresCountAndSort() {
        Reply reply = Call.get("/Patient", Gpc.PATIENT_SEARCH).param("identifier", NHS_NUMBER + "|" + PATIENT2)
                .param("_count", "1").param("_sort", "status").send();
        assertStatus(reply, 200);
        assertThat(reply.bundle().getEntry()).hasSize(1);
    }

    @ParameterizedTest(name = "Patient/{0}")
    @ValueSource(strings = {"SomthingIncorrectWhichIsNotTheOnProviderSystem",
            "4543567638475665845564986758479086840564796854665748763454", "aaBA", "1ZEc2", "z.as.dd", "1.1.22", "40-9",
            "nd-skdm.mks--s", "9"})
    void answersPatientNotFoundForAnUnknownOrSensitivePatient(String id) {
        assertError(Call.get("/Patient/" + id, Gpc.PATIENT_READ).send(), 404, "PATIENT_NOT_FOUND");
    }

    @Test
    void answersAReadWithoutIdWith400Or404() {
        Reply reply = Call.get("/Patient/", Gpc.PATIENT_READ).send();
        assertThat(reply.status).isIn(400, 404);
        assertFailure(reply);
    }

    @Test
    void needsThePatientReadScope() {
        Reply reply = Call.get("/Patient", Gpc.PATIENT_SEARCH).jwt(Jwt.forScope(Gpc.Scope.ORGANIZATION_READ))
                .param("identifier", NHS_NUMBER + "|" + PATIENT2).send();
        assertError(reply, 400, "BAD_REQUEST");
    }

    /** Spec §2.2 F2 and the suite's Patient checks (PatientSteps). */
    private static void assertConforms(Patient patient, String nhsNumber) {
        assertThat(patient.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(SD + "CareConnect-GPC-Patient-1");
        assertThat(patient.getMeta().getVersionId()).isNotBlank();
        assertThat(patient.getIdentifier()).hasSize(1);
        Identifier nhs = patient.getIdentifierFirstRep();
        assertThat(nhs.getSystem()).isEqualTo(NHS_NUMBER);
        assertThat(nhs.getValue()).isEqualTo(nhsNumber);
        Coding verification = (Coding) ((org.hl7.fhir.dstu3.model.CodeableConcept) nhs.getExtensionFirstRep().getValue()).getCodingFirstRep();
        assertThat(verification.getCode()).isEqualTo("01");
        assertThat(patient.getName()).filteredOn(n -> n.getUse() == HumanName.NameUse.OFFICIAL).hasSize(1);
        assertThat(patient.getName()).allSatisfy(n -> {
            assertThat(n.getUse()).isNotNull();
            assertThat(n.getFamily()).isNotBlank();
        });
        assertThat(patient.hasBirthDate()).isTrue();
        assertThat(patient.hasGender()).isTrue();
        for (ContactPoint telecom : patient.getTelecom()) {
            assertThat(telecom.getSystem()).isNotNull();
            assertThat(telecom.getValue()).isNotBlank();
            assertThat(telecom.getUse()).as("every telecom needs a use (suite #121)").isNotNull();
        }
        assertThat(patient.hasMaritalStatus()).isFalse();
        assertThat(patient.hasMultipleBirth()).isFalse();
        assertThat(patient.getPhoto()).isEmpty();
        assertThat(patient.getLink()).isEmpty();
        assertThat(patient.hasAnimal()).isFalse();
        assertThat(patient.getExtension()).extracting(Extension::getUrl).noneMatch(url -> url.contains("EthnicCategory")
                || url.contains("ReligiousAffiliation") || url.contains("CadavericDonor") || url.contains("ResidentialStatus")
                || url.contains("TreatmentCategory") || url.contains("birthPlace"));

        assertThat(patient.getManagingOrganization().getReference()).startsWith("Organization/");
        assertStatus(Call.get("/" + patient.getManagingOrganization().getReference(), Gpc.ORGANIZATION_READ).send(), 200)
                .resource(Organization.class);

        Reference branch = preferredBranchSurgery(patient);
        assertThat(branch.getReference()).startsWith("Location/");
        assertStatus(Call.get("/" + branch.getReference(), Gpc.LOCATION_READ).send(), 200).resource(Location.class);
    }

    private static Reference preferredBranchSurgery(Patient patient) {
        var registration = patient.getExtensionsByUrl(SD + "Extension-CareConnect-GPC-RegistrationDetails-1");
        assertThat(registration).hasSize(1);
        var branch = registration.get(0).getExtensionsByUrl("preferredBranchSurgery");
        assertThat(branch).hasSize(1);
        return (Reference) branch.get(0).getValue();
    }
}
