package io.gpconnect.launcher.operations.bundle;

import io.gpconnect.fhir.support.Profiles;
import io.gpconnect.schemas.Address;
import io.gpconnect.schemas.ContactPoint;
import io.gpconnect.schemas.feed.FeedSlotStatus;
import io.gpconnect.schemas.feed.LocationPublished;
import io.gpconnect.schemas.feed.OrganisationPublished;
import io.gpconnect.schemas.feed.PractitionerPublished;
import io.gpconnect.schemas.feed.SchedulePublished;
import io.gpconnect.schemas.feed.SlotPublished;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Location;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.PrimitiveType;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.Schedule;
import org.hl7.fhir.dstu3.model.Slot;
import org.hl7.fhir.dstu3.model.StringType;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * FHIR STU3 resources of a practice export as the feed changes the practice system would publish: the inverse
 * of the facade's mappers. A missing element the feed needs is reported to {@code problems} (and null returned),
 * never defaulted: the facade would otherwise serve made-up data.
 */
final class FeedChanges {
    private final Consumer<String> problems;

    FeedChanges(Consumer<String> problems) {
        this.problems = problems;
    }

    OrganisationPublished organisation(Organization o, String where) {
        String ods = identifier(o.getIdentifier(), Profiles.ODS_ORGANIZATION_CODE).orElse(null);
        if (ods == null || !o.hasName()) {
            problems.accept(where + ": an Organization needs an " + Profiles.ODS_ORGANIZATION_CODE + " identifier and a name");
            return null;
        }
        return OrganisationPublished.newBuilder().setId(id(o)).setOdsCode(ods).setName(o.getName())
                .setTelecom(telecom(o.getTelecom())).setAddress(o.hasAddress() ? address(o.getAddressFirstRep()) : null).build();
    }

    LocationPublished location(Location l, String defaultOrganisationId, String where) {
        String organisation = l.hasManagingOrganization() ? referenced(l.getManagingOrganization(), "Organization") : defaultOrganisationId;
        if (!l.hasName() || organisation == null) {
            problems.accept(where + ": a Location needs a name and a managingOrganization reference");
            return null;
        }
        return LocationPublished.newBuilder().setId(id(l)).setName(l.getName())
                .setOdsSiteCode(identifier(l.getIdentifier(), Profiles.ODS_SITE_CODE).orElse(null))
                .setAddress(l.hasAddress() ? address(l.getAddress()) : null).setTelecom(telecom(l.getTelecom()))
                .setManagingOrganisationId(organisation).build();
    }

    PractitionerPublished practitioner(Practitioner p, String organisationId, String where) {
        Optional<String> sdsUserId = identifier(p.getIdentifier(), Profiles.SDS_USER_ID);
        HumanName name = p.getNameFirstRep();
        if (sdsUserId.isEmpty() || !name.hasFamily()) {
            problems.accept(where + ": a Practitioner needs an " + Profiles.SDS_USER_ID + " identifier and a family name");
            return null;
        }
        return PractitionerPublished.newBuilder().setId(id(p)).setSdsUserId(sdsUserId.get())
                .setRoleProfileIds(p.getIdentifier().stream().filter(i -> Profiles.SDS_ROLE_PROFILE_ID.equals(i.getSystem()))
                        .map(Identifier::getValue).toList())
                .setFamily(name.getFamily()).setGiven(strings(name.getGiven())).setPrefix(strings(name.getPrefix()))
                .setGender(p.hasGender() ? p.getGender().toCode() : null).setOrganisationId(organisationId).build();
    }

    SchedulePublished schedule(Schedule s, String where) {
        String location = null;
        String practitioner = null;
        for (Reference actor : s.getActor()) {
            if (actor.getReference() != null && actor.getReference().startsWith("Location/")) {
                location = referenced(actor, "Location");
            } else if (actor.getReference() != null && actor.getReference().startsWith("Practitioner/")) {
                practitioner = referenced(actor, "Practitioner");
            }
        }
        Extension roleExtension = s.getExtensionByUrl(Profiles.EXT_PRACTITIONER_ROLE);
        var role = roleExtension != null && roleExtension.getValue() instanceof CodeableConcept c && c.hasCoding()
                ? c.getCodingFirstRep() : null;
        boolean valid = location != null && role != null && role.hasCode() && s.hasPlanningHorizon()
                && s.getPlanningHorizon().hasStart() && s.getPlanningHorizon().hasEnd();
        if (!valid) {
            problems.accept(where + ": a Schedule needs a Location actor, the practitionerRole extension ("
                    + Profiles.EXT_PRACTITIONER_ROLE + ") and a planningHorizon with start and end");
            return null;
        }
        return SchedulePublished.newBuilder().setId(id(s)).setLocationId(location).setPractitionerId(practitioner)
                .setPractitionerRoleCode(role.getCode()).setPractitionerRoleDisplay(role.hasDisplay() ? role.getDisplay() : role.getCode())
                .setServiceCategory(s.hasServiceCategory() && s.getServiceCategory().hasText() ? s.getServiceCategory().getText() : null)
                .setPlanningHorizonStart(s.getPlanningHorizon().getStart().toInstant())
                .setPlanningHorizonEnd(s.getPlanningHorizon().getEnd().toInstant()).build();
    }

    SlotPublished slot(Slot s, String where) {
        Extension channel = s.getExtensionByUrl(Profiles.EXT_DELIVERY_CHANNEL);
        String deliveryChannel = channel != null && channel.getValue() instanceof PrimitiveType<?> code ? code.getValueAsString() : null;
        String serviceType = s.hasServiceType() && s.getServiceTypeFirstRep().hasText() ? s.getServiceTypeFirstRep().getText() : null;
        String schedule = s.hasSchedule() ? referenced(s.getSchedule(), "Schedule") : null;
        FeedSlotStatus status = !s.hasStatus() ? null : switch (s.getStatus()) {
            case FREE -> FeedSlotStatus.FREE;
            case BUSY, BUSYUNAVAILABLE, BUSYTENTATIVE -> FeedSlotStatus.BUSY;
            default -> null;
        };
        if (schedule == null || !s.hasStart() || !s.hasEnd() || serviceType == null || deliveryChannel == null || status == null) {
            problems.accept(where + ": a Slot needs a Schedule reference, start, end, serviceType text, status free or busy and the deliveryChannel extension ("
                    + Profiles.EXT_DELIVERY_CHANNEL + ")");
            return null;
        }
        if (!s.getEnd().after(s.getStart())) {
            problems.accept(where + ": the Slot ends before it starts");
            return null;
        }
        return SlotPublished.newBuilder().setId(id(s)).setScheduleId(schedule).setStart(s.getStart().toInstant())
                .setEnd(s.getEnd().toInstant()).setServiceType(serviceType).setDeliveryChannel(deliveryChannel)
                .setStatus(status).setGpConnectBookable(true).setBookableOdsCodes(List.of()).setBookableOrgTypes(List.of()).build();
    }

    static String id(Resource r) {
        return r.getIdElement().getIdPart();
    }

    /** The id in "Type/id"; null (and a problem) for a reference of another kind. */
    private String referenced(Reference reference, String type) {
        String ref = reference.getReference();
        if (ref == null || !ref.startsWith(type + "/") || ref.length() == type.length() + 1) {
            return null;
        }
        return ref.substring(type.length() + 1).split("/_history/")[0];
    }

    private static Optional<String> identifier(List<Identifier> identifiers, String system) {
        return identifiers.stream().filter(i -> system.equals(i.getSystem()) && i.hasValue()).map(Identifier::getValue).findFirst();
    }

    private static List<String> strings(List<StringType> in) {
        return in.stream().map(StringType::getValue).toList();
    }

    private static List<ContactPoint> telecom(List<org.hl7.fhir.dstu3.model.ContactPoint> in) {
        return in.stream().filter(t -> t.hasSystem() && t.hasValue())
                .map(t -> new ContactPoint(system(t.getSystem()), t.getValue(), t.hasUse() ? t.getUse().toCode() : null)).toList();
    }

    private static String system(ContactPointSystem system) {
        return system.toCode();
    }

    private static Address address(org.hl7.fhir.dstu3.model.Address a) {
        return Address.newBuilder().setLines(strings(a.getLine())).setCity(a.getCity()).setDistrict(a.getDistrict())
                .setPostalCode(a.getPostalCode()).build();
    }
}
