package io.gpconnect.fhir.patient;

import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import io.gpconnect.fhir.support.Profiles;
import io.gpconnect.schemas.Address;
import io.gpconnect.schemas.ContactPoint;
import io.gpconnect.schemas.command.RegisterPatient;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.PrimitiveType;
import org.hl7.fhir.dstu3.model.StringType;

import java.util.List;

/**
 * The body of F4 Register a patient (spec §2.2): a Parameters with exactly one {@code registerPatient}
 * parameter holding the Patient, whose minimum content is the NHS number, one official name with family and
 * given, and the birth date.
 *
 * <p>Codes: a missing or invalid NHS number is 400 INVALID_NHS_NUMBER (§6); a body that is not that shape is
 * 422 INVALID_RESOURCE (§2.2 F4 errors). One exception follows the assurance suite, which sends a Patient
 * with no name at all and expects 400 BAD_REQUEST (seed/SOURCES.md, "Register").
 */
public final class RegistrationRequest {
    static final String PARAMETER = "registerPatient";

    private RegistrationRequest() {
    }

    /** The command for {@code patientId}, the id the patient gets if the practice does not know them yet. */
    public static RegisterPatient toCommand(Parameters body, String patientId) {
        Patient patient = patientOf(body);
        HumanName name = officialName(patient);
        if (!patient.hasBirthDate()) {
            throw invalid("The Patient has no birthDate");
        }
        return RegisterPatient.newBuilder()
                .setPatientId(patientId)
                .setNhsNumber(nhsNumber(patient))
                .setFamily(name.getFamily().strip())
                .setGiven(strings(name.getGiven()))
                .setPrefix(strings(name.getPrefix()))
                .setBirthDate(patient.getBirthDateElement().getValueAsString())
                .setGender(patient.hasGender() ? patient.getGender().toCode() : null)
                .setAddress(patient.hasAddress() ? address(patient.getAddressFirstRep()) : null)
                .setTelecom(patient.getTelecom().stream().filter(t -> t.hasSystem() && t.hasValue())
                        .map(t -> new ContactPoint(t.getSystem().toCode(), t.getValue(), t.hasUse() ? t.getUse().toCode() : null))
                        .toList())
                .build();
    }

    private static Patient patientOf(Parameters body) {
        List<Parameters.ParametersParameterComponent> parameters = body.getParameter();
        if (parameters.size() != 1 || !PARAMETER.equals(parameters.get(0).getName())) {
            throw invalid("The Parameters must hold exactly one parameter, named '" + PARAMETER + "'");
        }
        if (!(parameters.get(0).getResource() instanceof Patient patient)) {
            throw invalid("The '" + PARAMETER + "' parameter must hold a Patient resource");
        }
        return patient;
    }

    private static String nhsNumber(Patient patient) {
        List<Identifier> numbers = patient.getIdentifier().stream().filter(i -> Profiles.NHS_NUMBER.equals(i.getSystem())).toList();
        if (numbers.size() != 1) {
            throw new GpConnectException(SpineCode.INVALID_NHS_NUMBER,
                    "The Patient must have exactly one identifier with system " + Profiles.NHS_NUMBER + ", not " + numbers.size());
        }
        String value = numbers.get(0).getValue();
        if (!NhsNumber.isValid(value)) {
            throw new GpConnectException(SpineCode.INVALID_NHS_NUMBER, "'" + value + "' is not a valid NHS number");
        }
        return value;
    }

    private static HumanName officialName(Patient patient) {
        if (!patient.hasName()) {
            throw new GpConnectException(SpineCode.BAD_REQUEST, "The Patient has no name: it cannot be traced on PDS");
        }
        List<HumanName> official = patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).toList();
        if (official.size() != 1) {
            throw invalid("The Patient must have exactly one name with use 'official', not " + official.size());
        }
        HumanName name = official.get(0);
        if (name.getFamily() == null || name.getFamily().isBlank()) {
            throw invalid("The Patient's official name has no family name");
        }
        if (name.getGiven().stream().noneMatch(g -> g.getValue() != null && !g.getValue().isBlank())) {
            throw invalid("The Patient's official name has no given name");
        }
        return name;
    }

    private static Address address(org.hl7.fhir.dstu3.model.Address a) {
        return Address.newBuilder().setLines(strings(a.getLine())).setCity(a.getCity()).setDistrict(a.getDistrict())
                .setPostalCode(a.getPostalCode()).build();
    }

    private static List<String> strings(List<StringType> values) {
        return values.stream().map(PrimitiveType::getValue).filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    private static GpConnectException invalid(String diagnostics) {
        return new GpConnectException(SpineCode.INVALID_RESOURCE, diagnostics);
    }
}
