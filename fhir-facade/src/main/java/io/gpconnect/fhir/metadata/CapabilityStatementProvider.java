package io.gpconnect.fhir.metadata;

import ca.uhn.fhir.rest.annotation.Metadata;
import io.gpconnect.fhir.support.Profiles;
import io.gpconnect.fhir.support.UkTime;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.dstu3.model.Enumerations;
import org.hl7.fhir.dstu3.model.Reference;

import java.time.Instant;

/**
 * F1 Get the CapabilityStatement (spec §2.2): exactly what this provider supports, including the
 * gpc.registerpatient operation (F4).
 */
public final class CapabilityStatementProvider {
    public static final String GP_CONNECT_VERSION = "1.2.7";
    static final String REGISTER_PATIENT_OPERATION = "https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-RegisterPatient-Operation-1";
    private final CapabilityStatement statement;

    public CapabilityStatementProvider(String softwareVersion) {
        this.statement = build(softwareVersion);
    }

    @Metadata
    public CapabilityStatement getServerConformance() {
        return statement;
    }

    /** HAPI hands every conformance provider its server; this statement is fixed, so it needs none. */
    public void setRestfulServer(ca.uhn.fhir.rest.server.RestfulServer server) {
        // nothing to do
    }

    private static CapabilityStatement build(String softwareVersion) {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setVersion(GP_CONNECT_VERSION);
        cs.setName("GP Connect");
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setDateElement(UkTime.dateTime(Instant.now()));
        cs.setPublisher("gpconnect booking engine");
        cs.setDescription("GP Connect Appointment Management and Foundations, served by an event-driven booking engine");
        cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        cs.getSoftware().setName("gpconnect-booking-engine").setVersion(softwareVersion).setReleaseDateElement(UkTime.dateTime(Instant.now()));
        cs.setFhirVersion("3.0.1");
        cs.setAcceptUnknown(CapabilityStatement.UnknownContentCode.BOTH);
        cs.addFormat("application/fhir+json");
        cs.addFormat("application/fhir+xml");
        for (String p : new String[] {Profiles.PATIENT, Profiles.ORGANIZATION, Profiles.PRACTITIONER, Profiles.PRACTITIONER_ROLE,
                Profiles.LOCATION, Profiles.OPERATION_OUTCOME, Profiles.APPOINTMENT, Profiles.SCHEDULE, Profiles.SLOT}) {
            cs.addProfile(new Reference(p));
        }
        CapabilityStatementRestComponent rest = cs.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().setCors(true);

        resource(rest, "Patient", Profiles.PATIENT, TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE)
                .addSearchParam().setName("identifier").setType(Enumerations.SearchParamType.TOKEN);
        resource(rest, "Organization", Profiles.ORGANIZATION, TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE)
                .addSearchParam().setName("identifier").setType(Enumerations.SearchParamType.TOKEN);
        resource(rest, "Practitioner", Profiles.PRACTITIONER, TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE)
                .addSearchParam().setName("identifier").setType(Enumerations.SearchParamType.TOKEN);
        resource(rest, "Location", Profiles.LOCATION, TypeRestfulInteraction.READ);
        resource(rest, "Appointment", Profiles.APPOINTMENT, TypeRestfulInteraction.READ, TypeRestfulInteraction.CREATE,
                TypeRestfulInteraction.UPDATE, TypeRestfulInteraction.SEARCHTYPE).setUpdateCreate(false);
        CapabilityStatementRestResourceComponent slot = resource(rest, "Slot", Profiles.SLOT, TypeRestfulInteraction.SEARCHTYPE);
        slot.addSearchInclude("Schedule:actor:Location").addSearchInclude("Schedule:actor:Practitioner")
                .addSearchInclude("Slot:schedule").addSearchInclude("Location:managingOrganization");
        slot.addSearchParam().setName("start").setType(Enumerations.SearchParamType.DATE);
        slot.addSearchParam().setName("end").setType(Enumerations.SearchParamType.DATE);
        slot.addSearchParam().setName("status").setType(Enumerations.SearchParamType.TOKEN);
        slot.addSearchParam().setName("searchFilter").setType(Enumerations.SearchParamType.TOKEN);
        rest.addOperation().setName("gpc.registerpatient").setDefinition(new Reference(REGISTER_PATIENT_OPERATION));
        return cs;
    }

    private static CapabilityStatementRestResourceComponent resource(CapabilityStatementRestComponent rest, String type,
                                                                      String profile, TypeRestfulInteraction... interactions) {
        CapabilityStatementRestResourceComponent r = rest.addResource().setType(type);
        r.setProfile(new Reference(profile));
        for (TypeRestfulInteraction i : interactions) {
            r.addInteraction().setCode(i);
        }
        return r;
    }
}
