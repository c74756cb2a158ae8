package io.gpconnect.launcher.conformance;

import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Organization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.gpconnect.launcher.conformance.SpineAssertions.assertError;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

/** F5 Find and F6 Read an organisation (spec §2.2; suite OrganizationSearch.feature, OrganizationRead.feature). */
class OrganizationTest {
    private static final String PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Organization-1";

    static Reply search(String identifier) {
        return Call.get("/Organization", Gpc.ORGANIZATION_SEARCH).param("identifier", identifier).send();
    }

    @Test
    void findsThePracticeByItsOdsCodeExactlyOnce() {
        Reply reply = search(Jwt.ODS_SYSTEM + "|A20047");
        assertStatus(reply, 200);
        Bundle bundle = reply.bundle();
        assertThat(bundle.getEntry()).hasSize(1);
        assertConforms((Organization) bundle.getEntryFirstRep().getResource());
    }

    @Test
    void findsNothingForAnUnknownOdsCode() {
        Reply reply = search(Jwt.ODS_SYSTEM + "|INVOC1");
        assertStatus(reply, 200);
        assertThat(reply.bundle().getEntry()).isEmpty();
    }

    @Test
    void readsTheOrganizationFoundBySearchWithAnETagOfItsVersion() {
        Organization found = (Organization) search(Jwt.ODS_SYSTEM + "|A20047").bundle().getEntryFirstRep().getResource();
        Reply reply = Call.get("/Organization/" + found.getIdElement().getIdPart(), Gpc.ORGANIZATION_READ).send();
        assertStatus(reply, 200);
        Organization read = reply.resource(Organization.class);
        assertThat(read.getIdElement().getIdPart()).isEqualTo(found.getIdElement().getIdPart());
        assertThat(reply.header("ETag")).isEqualTo("W/\"" + read.getMeta().getVersionId() + "\"");
        assertConforms(read);
    }

    @Test
    void rejectsASearchWithoutIdentifier() {
        assertError(Call.get("/Organization", Gpc.ORGANIZATION_SEARCH).send(), 400, "BAD_REQUEST");
    }

    @Test
    void rejectsAnUnknownIdentifierSystem() {
        assertError(search("https://fhir.nhs.uk/Id/sds-user-id|A20047"), 400, "INVALID_IDENTIFIER_SYSTEM");
    }

    @ParameterizedTest(name = "identifier={0}")
    @ValueSource(strings = {"|A20047", Jwt.ODS_SYSTEM + "|"})
    void rejectsAnEmptySystemOrValue(String identifier) {
        assertError(search(identifier), 422, "INVALID_PARAMETER");
    }

    @Test
    void ignoresCount() {
        Reply reply = Call.get("/Organization", Gpc.ORGANIZATION_SEARCH).param("identifier", Jwt.ODS_SYSTEM + "|A20047")
                .param("_count", "1").send();
        assertThat(assertStatus(reply, 200).bundle().getEntry()).hasSize(1);
    }

    @ParameterizedTest(name = "Organization/{0}")
    @ValueSource(strings = {"ddBm", "1Zcr4", "z.as.e", "1.1445.23", "40-9223", "nc-sfem.mks--s"})
    void answersOrganisationNotFoundForAnUnknownId(String id) {
        assertError(Call.get("/Organization/" + id, Gpc.ORGANIZATION_READ).send(), 404, "ORGANISATION_NOT_FOUND");
    }

    private static void assertConforms(Organization organization) {
        assertThat(organization.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(PROFILE);
        assertThat(organization.getMeta().getVersionId()).isNotBlank();
        assertThat(organization.getIdentifier()).filteredOn(i -> Jwt.ODS_SYSTEM.equals(i.getSystem()))
                .extracting(Identifier::getValue).containsExactly("A20047");
        assertThat(organization.getIdentifier()).allSatisfy(i -> {
            assertThat(i.getSystem()).isNotBlank();
            assertThat(i.getValue()).isNotBlank();
        });
        assertThat(organization.getName()).isNotBlank();
        assertThat(organization.getContact()).isEmpty();
        assertThat(organization.getEndpoint()).isEmpty();
        assertThat(organization.getExtension()).extracting(Extension::getUrl).allMatch(url ->
                url.endsWith("Extension-CareConnect-GPC-MainLocation-1") || url.endsWith("organization-period"));
    }
}
