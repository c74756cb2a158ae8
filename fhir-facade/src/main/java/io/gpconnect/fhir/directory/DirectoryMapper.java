package io.gpconnect.fhir.directory;

import io.gpconnect.fhir.support.Profiles;
import io.gpconnect.fhir.support.Resources;
import io.gpconnect.schemas.feed.LocationPublished;
import io.gpconnect.schemas.feed.OrganisationPublished;
import io.gpconnect.schemas.feed.PractitionerPublished;
import org.hl7.fhir.dstu3.model.Enumerations;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.Reference;

import java.util.ArrayList;

/** Directory records as CareConnect-GPC resources (spec §2.2): only the elements the spec allows. */
public final class DirectoryMapper {
    /** Directory data changes rarely and carries no version of its own; the feed's change is the version. */
    private static final long VERSION = 1;

    private DirectoryMapper() {
    }

    public static Organization organization(OrganisationPublished o) {
        Organization out = new Organization();
        out.setId(o.getId());
        out.setMeta(Resources.meta(Profiles.ORGANIZATION, VERSION));
        out.addIdentifier().setSystem(Profiles.ODS_ORGANIZATION_CODE).setValue(o.getOdsCode());
        out.setName(o.getName());
        out.setTelecom(new ArrayList<>(Resources.contactPoints(o.getTelecom())));
        if (o.getAddress() != null) {
            out.addAddress(Resources.address(o.getAddress()));
        }
        return out;
    }

    public static Location location(LocationPublished l) {
        Location out = new Location();
        out.setId(l.getId());
        out.setMeta(Resources.meta(Profiles.LOCATION, VERSION));
        if (l.getOdsSiteCode() != null) {
            out.addIdentifier().setSystem(Profiles.ODS_SITE_CODE).setValue(l.getOdsSiteCode());
        }
        out.setName(l.getName());
        out.setTelecom(new ArrayList<>(Resources.contactPoints(l.getTelecom())));
        if (l.getAddress() != null) {
            out.setAddress(Resources.address(l.getAddress()));
        }
        out.setManagingOrganization(new Reference("Organization/" + l.getManagingOrganisationId()));
        return out;
    }

    public static Practitioner practitioner(PractitionerPublished p) {
        Practitioner out = new Practitioner();
        out.setId(p.getId());
        out.setMeta(Resources.meta(Profiles.PRACTITIONER, VERSION));
        out.addIdentifier().setSystem(Profiles.SDS_USER_ID).setValue(p.getSdsUserId());
        p.getRoleProfileIds().forEach(r -> out.addIdentifier().setSystem(Profiles.SDS_ROLE_PROFILE_ID).setValue(r));
        HumanName name = out.addName().setUse(HumanName.NameUse.USUAL).setFamily(p.getFamily());
        p.getGiven().forEach(name::addGiven);
        p.getPrefix().forEach(name::addPrefix);
        if (p.getGender() != null) {
            try {
                out.setGender(Enumerations.AdministrativeGender.fromCode(p.getGender()));
            } catch (Exception e) {
                out.setGender(Enumerations.AdministrativeGender.UNKNOWN);
            }
        }
        return out;
    }
}
