package io.gpconnect.slots.register;

import io.gpconnect.schemas.command.RegisterPatient;
import io.gpconnect.schemas.event.RegistrationRejectionReason;
import io.gpconnect.schemas.feed.PatientPublished;
import io.gpconnect.slots.PracticeBook;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import static io.gpconnect.schemas.event.RegistrationRejectionReason.*;

/**
 * F4 Register a patient (spec §2.2): creates or re-activates a temporary registration. The practice's own
 * patient records stand in for PDS, so their flags decide what PDS would.
 *
 * <p>The PDS checks come before the duplicate check: the assurance suite registers a not-on-Spine patient who
 * is also active at the practice and expects INVALID_PATIENT_DEMOGRAPHICS, not DUPLICATE_REJECTED. Demographics
 * are compared only when an inactive record is re-activated: for an active patient the duplicate is the
 * answer whatever was sent, and an unknown number has nothing to compare with.
 */
public final class RegistrationDecider {
    /** CareConnect-RegistrationType-1 "Temporary": spec §2.2, never GMS. */
    public static final String TEMPORARY = "T";
    private static final ZoneId UK = ZoneId.of("Europe/London");

    public RegistrationDecision decide(String ods, RegisterPatient command, Instant now, PracticeBook practice) {
        String nhsNumber = command.getNhsNumber();
        Optional<PatientPublished> known = practice.patientByNhsNumber(ods, nhsNumber);
        String registrationStart = LocalDate.ofInstant(now, UK).toString();
        if (known.isEmpty()) {
            return new RegistrationDecision.Registered(newPatient(command, registrationStart));
        }
        PatientPublished p = known.get();
        if (p.getNotOnSpine()) {
            return refuse(PATIENT_NOT_ON_SPINE, "NHS number " + nhsNumber + " could not be traced on PDS");
        }
        if (p.getSuperseded()) {
            return refuse(NHS_NUMBER_SUPERSEDED, "NHS number " + nhsNumber + " is flagged as superseded or invalid on PDS");
        }
        if (p.getSensitive()) {
            return refuse(PATIENT_SENSITIVE, "The patient's record is flagged sensitive on PDS");
        }
        if (p.getDeceased()) {
            return refuse(PATIENT_DECEASED, "The patient is recorded as deceased on PDS");
        }
        if (p.getActive()) {
            return refuse(PATIENT_ALREADY_REGISTERED, "A patient with NHS number " + nhsNumber + " is already registered at the practice");
        }
        if (!sameDemographics(p, command)) {
            return refuse(DEMOGRAPHICS_MISMATCH, "The family name or birth date sent do not match PDS for NHS number " + nhsNumber);
        }
        return new RegistrationDecision.Registered(PatientPublished.newBuilder(p)
                .setActive(true)
                .setRegistrationType(TEMPORARY)
                .setRegistrationStart(registrationStart)
                .build());
    }

    private static PatientPublished newPatient(RegisterPatient c, String registrationStart) {
        return PatientPublished.newBuilder()
                .setId(c.getPatientId())
                .setNhsNumber(c.getNhsNumber())
                .setFamily(c.getFamily())
                .setGiven(c.getGiven())
                .setPrefix(c.getPrefix())
                .setBirthDate(c.getBirthDate())
                .setGender(c.getGender())
                .setAddress(c.getAddress())
                .setTelecom(c.getTelecom())
                .setPreferredBranchLocationId(c.getPreferredBranchLocationId())
                .setActive(true)
                .setRegistrationType(TEMPORARY)
                .setRegistrationStart(registrationStart)
                .build();
    }

    /** PDS holds family names in upper case; consumers may not. Given names are not compared: PDS may hold more. */
    private static boolean sameDemographics(PatientPublished known, RegisterPatient sent) {
        boolean family = normalised(known.getFamily()).equals(normalised(sent.getFamily()));
        boolean birthDate = known.getBirthDate() == null || known.getBirthDate().equals(sent.getBirthDate());
        return family && birthDate;
    }

    private static String normalised(String name) {
        return name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
    }

    private static RegistrationDecision refuse(RegistrationRejectionReason reason, String diagnostics) {
        return new RegistrationDecision.Refused(reason, diagnostics);
    }
}
