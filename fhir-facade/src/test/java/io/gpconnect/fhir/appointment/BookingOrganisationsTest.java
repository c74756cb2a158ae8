package io.gpconnect.fhir.appointment;

import io.gpconnect.fhir.support.Profiles;
import io.gpconnect.schemas.BookingOrganisation;
import io.gpconnect.schemas.ContactPoint;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Organization;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Spec §5.1: the booking organisation comes back with every sub-element it was sent with. */
class BookingOrganisationsTest {
    private static final BookingOrganisation FIELDS = BookingOrganisation.newBuilder().setContainedId("1").setOdsCode("A20047")
            .setName("Test Suite Validator").setTelecom(List.of(new ContactPoint("phone", "01823938938", "temp")))
            .setOrganisationType("urgent-care").setProfile(Profiles.ORGANIZATION).build();

    private static Organization sent() {
        Organization o = new Organization();
        o.setId("1");
        o.getMeta().addProfile(Profiles.ORGANIZATION);
        o.addIdentifier().setSystem(Profiles.ODS_ORGANIZATION_CODE).setValue("A20047");
        o.addType(new CodeableConcept().addCoding(new Coding(Profiles.CS_ORGANISATION_TYPE, "urgent-care", null)));
        o.setName("Test Suite Validator");
        o.addTelecom().setSystem(org.hl7.fhir.dstu3.model.ContactPoint.ContactPointSystem.PHONE).setValue("01823938938")
                .setUse(org.hl7.fhir.dstu3.model.ContactPoint.ContactPointUse.TEMP);
        return o;
    }

    /** The usual booking: its kept parts give it back whole, so no copy of it is stored (nor parsed per answer). */
    @Test
    void keepsNoCopyOfAnOrganisationItsPartsGiveBackWhole() {
        assertThat(BookingOrganisations.storedIfMore(sent(), FIELDS)).isNull();
        Organization rendered = AppointmentMapper.fromFields(FIELDS);
        assertThat(rendered.equalsDeep(sent())).isTrue();
    }

    @Test
    void keepsAndReturnsWhatThePartsWouldLose() {
        Organization sent = sent();
        sent.addAddress().addLine("1 Park Row").setPostalCode("LS1 5AB");
        String stored = BookingOrganisations.storedIfMore(sent, FIELDS);
        assertThat(stored).contains("1 Park Row");

        Organization returned = BookingOrganisations.asSent(BookingOrganisation.newBuilder(FIELDS).setResource(stored).build());
        assertThat(returned.getIdElement().getIdPart()).isEqualTo("1");
        assertThat(returned.equalsDeep(sent)).as(stored).isTrue();
    }
}
