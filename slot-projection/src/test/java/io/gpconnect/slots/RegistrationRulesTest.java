package io.gpconnect.slots;

import io.gpconnect.schemas.command.RegisterPatient;
import io.gpconnect.schemas.event.RegistrationRejectionReason;
import io.gpconnect.schemas.feed.PatientPublished;
import io.gpconnect.slots.register.RegistrationDecider;
import io.gpconnect.slots.register.RegistrationDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.function.UnaryOperator;

import static io.gpconnect.slots.Practices.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** F4 Register a patient (spec §2.2), decided against the practice's patients standing in for PDS (seed/SOURCES.md). */
class RegistrationRulesTest {
    private static final String UNKNOWN = "9651258571";
    private final RegistrationDecider decider = new RegistrationDecider();
    private final InMemoryPracticeBook book = practiceWithSuitePatients();

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
            "9658218865, active, PATIENT_ALREADY_REGISTERED",
            "9658220142, sensitive, PATIENT_SENSITIVE",
            "9658220290, deceased, PATIENT_DECEASED",
            "9476718943, active and not on the Spine, PATIENT_NOT_ON_SPINE",
            "9658220223, active and superseded, NHS_NUMBER_SUPERSEDED"})
    void refusesWhatTheAssuranceSuiteExpectsRefused(String nhsNumber, String flags, RegistrationRejectionReason expected) {
        PatientPublished known = book.patientByNhsNumber("A1", nhsNumber).orElseThrow();
        assertThat(reason(decider.decide("A1", sameAs(known).build(), NOW, book))).as(flags).isEqualTo(expected);
    }

    @Test
    void reactivatesAnInactivePatientAsTemporaryKeepingTheirRecord() {
        PatientPublished orme = book.patients.get("21");
        PatientPublished registered = registered(decider.decide("A1", sameAs(orme).setFamily("Orme").setPatientId("new-id").build(), NOW, book));
        assertThat(registered.getId()).isEqualTo("21");
        assertThat(registered.getActive()).isTrue();
        assertThat(registered.getRegistrationType()).isEqualTo(RegistrationDecider.TEMPORARY);
        assertThat(registered.getRegistrationStart()).isEqualTo("2030-06-03");
        assertThat(registered.getFamily()).as("the practice's record, not the request, is kept").isEqualTo("ORME");
        assertThat(registered.getPreferredBranchLocationId()).isEqualTo("8");
    }

    @Test
    void registersAnUnknownNhsNumberAsANewTemporaryPatient() {
        RegisterPatient command = command(UNKNOWN, "SMITH", "1990-01-02").setPatientId("p-new").setGender("female")
                .setPreferredBranchLocationId("1").build();
        PatientPublished registered = registered(decider.decide("A1", command, NOW, book));
        assertThat(registered.getId()).isEqualTo("p-new");
        assertThat(registered.getNhsNumber()).isEqualTo(UNKNOWN);
        assertThat(registered.getGiven()).containsExactly("Jo");
        assertThat(registered.getBirthDate()).isEqualTo("1990-01-02");
        assertThat(registered.getGender()).isEqualTo("female");
        assertThat(registered.getActive()).isTrue();
        assertThat(registered.getRegistrationType()).isEqualTo("T");
        assertThat(registered.getPreferredBranchLocationId()).isEqualTo("1");
    }

    @Test
    void aSecondRegistrationOfTheSameNumberIsADuplicate() {
        apply(decider.decide("A1", command(UNKNOWN, "SMITH", "1990-01-02").build(), NOW, book));
        assertThat(reason(decider.decide("A1", command(UNKNOWN, "SMITH", "1990-01-02").setPatientId("other").build(), NOW, book)))
                .isEqualTo(RegistrationRejectionReason.PATIENT_ALREADY_REGISTERED);

        PatientPublished orme = book.patients.get("21");
        apply(decider.decide("A1", sameAs(orme).build(), NOW, book));
        assertThat(reason(decider.decide("A1", sameAs(orme).build(), NOW, book)))
                .isEqualTo(RegistrationRejectionReason.PATIENT_ALREADY_REGISTERED);
    }

    @ParameterizedTest(name = "family {0}, born {1}")
    @CsvSource({"SMITH, 1979-10-06", "ORME, 1979-10-07"})
    void refusesToReactivateARecordWhoseDemographicsDisagree(String family, String birthDate) {
        assertThat(reason(decider.decide("A1", command("9658219748", family, birthDate).build(), NOW, book)))
                .isEqualTo(RegistrationRejectionReason.DEMOGRAPHICS_MISMATCH);
        assertThat(book.patients.get("21").getActive()).isFalse();
    }

    @Test
    void theNumberIsLookedUpPerPractice() {
        RegisterPatient patient1 = sameAs(book.patients.get("1")).build();
        assertThat(decider.decide("A1", patient1, NOW, new InMemoryPracticeBook())).isInstanceOf(RegistrationDecision.Registered.class);
    }

    private void apply(RegistrationDecision decision) {
        PatientPublished p = registered(decision);
        book.patients.put(p.getId(), p);
    }

    private static PatientPublished registered(RegistrationDecision decision) {
        assertThat(decision).isInstanceOf(RegistrationDecision.Registered.class);
        return ((RegistrationDecision.Registered) decision).patient();
    }

    private static RegistrationRejectionReason reason(RegistrationDecision decision) {
        assertThat(decision).isInstanceOf(RegistrationDecision.Refused.class);
        return ((RegistrationDecision.Refused) decision).reason();
    }

    private static RegisterPatient.Builder sameAs(PatientPublished p) {
        return command(p.getNhsNumber(), p.getFamily(), p.getBirthDate());
    }

    private static RegisterPatient.Builder command(String nhsNumber, String family, String birthDate) {
        return RegisterPatient.newBuilder().setPatientId("minted").setNhsNumber(nhsNumber).setFamily(family)
                .setGiven(List.of("Jo")).setBirthDate(birthDate);
    }

    /** The seed's flags for the patients the suite registers (seed/SOURCES.md, "Patients"). */
    private static InMemoryPracticeBook practiceWithSuitePatients() {
        InMemoryPracticeBook book = new InMemoryPracticeBook();
        put(book, "1", "9658218865", "WRIGHT", "1933-11-14", p -> p);
        put(book, "9", "9658220142", "KEWN", "1999-10-03", p -> p.setSensitive(true));
        put(book, "11", "9658220223", "TABRON", "1969-11-27", p -> p.setSuperseded(true));
        put(book, "14", "9476718943", "HOPLEY", "1927-05-15", p -> p.setNotOnSpine(true));
        put(book, "18", "9658220290", "BISSET", "1969-11-23", p -> p.setDeceased(true));
        put(book, "21", "9658219748", "ORME", "1979-10-06", p -> p.setActive(false).setPreferredBranchLocationId("8"));
        return book;
    }

    private static void put(InMemoryPracticeBook book, String id, String nhsNumber, String family, String birthDate,
                            UnaryOperator<PatientPublished.Builder> flags) {
        book.patients.put(id, flags.apply(PatientPublished.newBuilder().setId(id).setNhsNumber(nhsNumber).setFamily(family)
                .setGiven(List.of("A")).setBirthDate(birthDate)).build());
    }
}
