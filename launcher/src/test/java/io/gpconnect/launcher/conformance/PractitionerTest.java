package io.gpconnect.launcher.conformance;

import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.gpconnect.launcher.conformance.SpineAssertions.assertError;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

/** F7 Find and F8 Read a practitioner (spec §2.2; suite PractitionerSearch.feature, PractitionerRead.feature). */
class PractitionerTest {
    private static final String PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Practitioner-1";
    private static final List<String> ALLOWED_SYSTEMS = List.of(Jwt.SDS_USER_ID, Jwt.SDS_ROLE_PROFILE_ID,
            "https://fhir.hl7.org.uk/Id/gmp-number");

    static Reply search(String identifier) {
        return Call.get("/Practitioner", Gpc.PRACTITIONER_SEARCH).param("identifier", identifier).send();
    }

    static Practitioner find(String sdsUserId) {
        Reply reply = assertStatus(search(Jwt.SDS_USER_ID + "|" + sdsUserId), 200);
        assertThat(reply.bundle().getEntry()).as(reply.toString()).hasSize(1);
        return (Practitioner) reply.bundle().getEntryFirstRep().getResource();
    }

    @ParameterizedTest(name = "{0} has {1} role profile ids")
    @CsvSource({"G13579135,0", "G11111116,1", "G22345655,2"})
    void findsEachPractitionerWithItsRoleProfileIdentifiers(String sdsUserId, int roleProfiles) {
        Practitioner practitioner = find(sdsUserId);
        assertConforms(practitioner, sdsUserId);
        assertThat(practitioner.getIdentifier()).filteredOn(i -> Jwt.SDS_ROLE_PROFILE_ID.equals(i.getSystem()))
                .hasSize(roleProfiles).allSatisfy(i -> assertThat(i.getValue()).isNotBlank());
    }

    @Test
    void findsNothingForAnUnknownSdsUserId() {
        assertThat(assertStatus(search(Jwt.SDS_USER_ID + "|unknownSDSUserID"), 200).bundle().getEntry()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"G13579135,0", "G11111116,1", "G22345655,2"})
    void readsThePractitionerFoundBySearchWithAnETagOfItsVersion(String sdsUserId, int roleProfiles) {
        Practitioner found = find(sdsUserId);
        Reply reply = assertStatus(Call.get("/Practitioner/" + found.getIdElement().getIdPart(), Gpc.PRACTITIONER_READ).send(), 200);
        Practitioner read = reply.resource(Practitioner.class);
        assertThat(read.getIdElement().getIdPart()).isEqualTo(found.getIdElement().getIdPart());
        assertThat(reply.header("ETag")).isEqualTo("W/\"" + read.getMeta().getVersionId() + "\"");
        assertConforms(read, sdsUserId);
        assertThat(read.getIdentifier()).filteredOn(i -> Jwt.SDS_ROLE_PROFILE_ID.equals(i.getSystem())).hasSize(roleProfiles);
    }

    @ParameterizedTest(name = "identifier={0}")
    @ValueSource(strings = {Jwt.SDS_USER_ID + "|", "|G11111116"})
    void rejectsAnEmptySystemOrValue(String identifier) {
        assertError(search(identifier), 422, "INVALID_PARAMETER");
    }

    @Test
    void rejectsASearchWithoutIdentifier() {
        assertError(Call.get("/Practitioner", Gpc.PRACTITIONER_SEARCH).send(), 400, "BAD_REQUEST");
    }

    @Test
    void rejectsAWronglyCasedIdentifierParameter() {
        Reply reply = Call.get("/Practitioner", Gpc.PRACTITIONER_SEARCH).param("Identifier", Jwt.SDS_USER_ID + "|G11111116").send();
        assertError(reply, 400, "BAD_REQUEST");
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource({"G11111116,G11111116", "G13579135,G11111116"})
    void rejectsTheIdentifierSentTwice(String first, String second) {
        Reply reply = Call.get("/Practitioner", Gpc.PRACTITIONER_SEARCH)
                .param("identifier", Jwt.SDS_USER_ID + "|" + first).param("identifier", Jwt.SDS_USER_ID + "|" + second).send();
        assertError(reply, 400, "BAD_REQUEST");
    }

    @Test
    void ignoresCountAndSort() {
        Reply reply = Call.get("/Practitioner", Gpc.PRACTITIONER_SEARCH).param("identifier", Jwt.SDS_USER_ID + "|G13579135")
                .param("_sort", "practitioner.coding").param("_count", "1").send();
        assertThat(assertStatus(reply, 200).bundle().getEntry()).hasSize(1);
    }

    @ParameterizedTest(name = "Practitioner/{0}")
    @ValueSource(strings = {"aaBA", "1ZEc2", "z.as.dd", "1.1.22", "40-9", "nd-skdm.mks--s"})
    void answersPractitionerNotFoundForAnUnknownId(String id) {
        assertError(Call.get("/Practitioner/" + id, Gpc.PRACTITIONER_READ).send(), 404, "PRACTITIONER_NOT_FOUND");
    }

    private static void assertConforms(Practitioner practitioner, String sdsUserId) {
        assertThat(practitioner.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(PROFILE);
        assertThat(practitioner.getMeta().getVersionId()).isNotBlank();
        assertThat(practitioner.getIdentifier()).extracting(Identifier::getSystem).allMatch(ALLOWED_SYSTEMS::contains);
        assertThat(practitioner.getIdentifier()).filteredOn(i -> Jwt.SDS_USER_ID.equals(i.getSystem()))
                .extracting(Identifier::getValue).containsExactly(sdsUserId);
        assertThat(practitioner.getName()).hasSize(1);
        assertThat(practitioner.getNameFirstRep().getFamily()).isNotBlank();
        assertThat(practitioner.getTelecom()).isEmpty();
        assertThat(practitioner.getAddress()).isEmpty();
        assertThat(practitioner.hasBirthDate()).isFalse();
        assertThat(practitioner.getPhoto()).isEmpty();
        assertThat(practitioner.getQualification()).isEmpty();
    }
}
