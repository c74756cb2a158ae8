package io.gpconnect.launcher.conformance;

import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Organization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.gpconnect.launcher.conformance.SpineAssertions.assertError;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

/** F9 Read a location (spec §2.2; suite LocationRead.feature reads Location/1, /8 and /3 by fixed id). */
class LocationTest {
    private static final String PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Location-1";
    private static final String SITE_CODE = "https://fhir.nhs.uk/Id/ods-site-code";

    @ParameterizedTest(name = "Location/{0} is site {1}")
    @CsvSource({"1,Z26556", "8,Z33432", "3,Z33433"})
    void readsEachSurgeryOfThePractice(String id, String siteCode) {
        Reply reply = assertStatus(Call.get("/Location/" + id, Gpc.LOCATION_READ).send(), 200);
        Location location = reply.resource(Location.class);
        assertThat(location.getIdElement().getIdPart()).isEqualTo(id);
        assertThat(reply.header("ETag")).isEqualTo("W/\"" + location.getMeta().getVersionId() + "\"");
        assertThat(location.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(PROFILE);
        assertThat(location.getIdentifier()).filteredOn(i -> SITE_CODE.equals(i.getSystem()))
                .extracting(Identifier::getValue).containsExactly(siteCode);
        assertThat(location.getName()).isNotBlank();
        assertThat(location.hasAddress()).isTrue();
        assertThat(location.getTelecom()).isNotEmpty();
        assertThat(location.getEndpoint()).isEmpty();
        String managing = location.getManagingOrganization().getReference();
        assertThat(managing).startsWith("Organization/");
        assertStatus(Call.get("/" + managing, Gpc.ORGANIZATION_READ).send(), 200).resource(Organization.class);
    }

    @ParameterizedTest(name = "Location/{0}")
    @ValueSource(strings = {"mfpBm", "231Zcr64", "th.as.e", "11dd4.45-23", "40-95-3", "a-tm.mss..s"})
    void answersNoRecordFoundForAnUnknownId(String id) {
        assertError(Call.get("/Location/" + id, Gpc.LOCATION_READ).send(), 404, "NO_RECORD_FOUND");
    }
}
