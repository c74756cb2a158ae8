package io.gpconnect.launcher.conformance;

import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.Enumerations;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Patient;

import java.util.concurrent.ThreadLocalRandom;

/** Register a patient bodies (spec §2.2 F4): a Parameters with one {@code registerPatient} Patient. */
final class RegisterBodies {
    static final String PATIENT_PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Patient-1";

    private RegisterBodies() {
    }

    /** The minimum the spec asks for: NHS number, official name with family and given, birth date; and a gender. */
    static Patient patient(String nhsNumber, String family, String given, String birthDate) {
        Patient p = new Patient();
        p.getMeta().addProfile(PATIENT_PROFILE);
        p.addIdentifier().setSystem(PatientTest.NHS_NUMBER).setValue(nhsNumber);
        p.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family).addGiven(given);
        p.setBirthDateElement(new DateType(birthDate));
        p.setGender(Enumerations.AdministrativeGender.FEMALE);
        return p;
    }

    static Parameters parameters(Patient patient) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("registerPatient").setResource(patient);
        return parameters;
    }

    static String json(Patient patient) {
        return Fhir.json(parameters(patient));
    }

    /**
     * A Modulus 11 valid NHS number no seeded patient has and no other test uses: the 965126 prefix is in the
     * suite's register-patient pool, which the seed must not hold (seed/SOURCES.md).
     */
    static String unusedNhsNumber() {
        while (true) {
            String nine = "965126" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                return nine + check;
            }
        }
    }
}
