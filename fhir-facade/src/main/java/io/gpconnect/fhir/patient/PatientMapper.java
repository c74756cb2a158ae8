package io.gpconnect.fhir.patient;

import io.gpconnect.fhir.support.Profiles;
import io.gpconnect.fhir.support.Resources;
import io.gpconnect.schemas.feed.PatientPublished;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.Enumerations;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Reference;

import java.util.ArrayList;

/** CareConnect-GPC-Patient-1 (spec §2.2 F2): the elements the spec asks for, none it forbids. */
public final class PatientMapper {
    private PatientMapper() {
    }

    public static Patient toFhir(PatientPublished p, String practiceOrganisationId) {
        Patient out = new Patient();
        out.setId(p.getId());
        out.setMeta(Resources.meta(Profiles.PATIENT, 1));
        Identifier nhs = out.addIdentifier().setSystem(Profiles.NHS_NUMBER).setValue(p.getNhsNumber());
        nhs.addExtension(Profiles.EXT_NHS_NUMBER_VERIFICATION, new CodeableConcept().addCoding(
                new Coding(Profiles.CS_NHS_NUMBER_VERIFICATION, "01", "Number present and verified")));
        HumanName name = out.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(p.getFamily());
        p.getGiven().forEach(name::addGiven);
        p.getPrefix().forEach(name::addPrefix);
        if (p.getGender() != null) {
            try {
                out.setGender(Enumerations.AdministrativeGender.fromCode(p.getGender()));
            } catch (Exception e) {
                out.setGender(Enumerations.AdministrativeGender.UNKNOWN);
            }
        }
        if (p.getBirthDate() != null) {
            out.setBirthDateElement(new DateType(p.getBirthDate()));
        }
        if (p.getAddress() != null) {
            out.addAddress(Resources.address(p.getAddress(), Address.AddressUse.HOME));
        }
        out.setTelecom(new ArrayList<>(Resources.contactPoints(p.getTelecom())));
        if (practiceOrganisationId != null) {
            out.setManagingOrganization(new Reference("Organization/" + practiceOrganisationId));
        }
        if (p.getPreferredBranchLocationId() != null || p.getRegistrationType() != null) {
            out.addExtension(registrationDetails(p));
        }
        return out;
    }

    /** Extension-CareConnect-GPC-RegistrationDetails-1: period and type only for registrations GP Connect made. */
    private static Extension registrationDetails(PatientPublished p) {
        Extension registration = new Extension(Profiles.EXT_REGISTRATION_DETAILS);
        if (p.getRegistrationStart() != null) {
            registration.addExtension("registrationPeriod", new Period().setStartElement(new DateTimeType(p.getRegistrationStart())));
        }
        if (p.getRegistrationType() != null) {
            registration.addExtension("registrationType", new CodeableConcept().addCoding(
                    new Coding(Profiles.CS_REGISTRATION_TYPE, p.getRegistrationType(), registrationTypeDisplay(p.getRegistrationType()))));
        }
        if (p.getPreferredBranchLocationId() != null) {
            registration.addExtension("preferredBranchSurgery", new Reference("Location/" + p.getPreferredBranchLocationId()));
        }
        return registration;
    }

    private static String registrationTypeDisplay(String code) {
        return "T".equals(code) ? "Temporary" : code;
    }
}
