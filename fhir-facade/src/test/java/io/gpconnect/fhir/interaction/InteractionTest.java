package io.gpconnect.fhir.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpconnect.fhir.error.SpineCode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Spec §2.1: the interaction table. */
class InteractionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            METADATA_READ               | urn:nhs:names:services:gpconnect:fhir:rest:read:metadata-1                 | GET  | metadata                     | organization/*.read
            PATIENT_SEARCH              | urn:nhs:names:services:gpconnect:fhir:rest:search:patient-1                | GET  | Patient                      | patient/*.read
            PATIENT_READ                | urn:nhs:names:services:gpconnect:fhir:rest:read:patient-1                  | GET  | Patient/{id}                 | patient/*.read
            PATIENT_REGISTER            | urn:nhs:names:services:gpconnect:fhir:operation:gpc.registerpatient-1      | POST | Patient/$gpc.registerpatient | patient/*.write
            ORGANIZATION_SEARCH         | urn:nhs:names:services:gpconnect:fhir:rest:search:organization-1           | GET  | Organization                 | organization/*.read
            ORGANIZATION_READ           | urn:nhs:names:services:gpconnect:fhir:rest:read:organization-1             | GET  | Organization/{id}            | organization/*.read
            PRACTITIONER_SEARCH         | urn:nhs:names:services:gpconnect:fhir:rest:search:practitioner-1           | GET  | Practitioner                 | organization/*.read
            PRACTITIONER_READ           | urn:nhs:names:services:gpconnect:fhir:rest:read:practitioner-1             | GET  | Practitioner/{id}            | organization/*.read
            LOCATION_READ               | urn:nhs:names:services:gpconnect:fhir:rest:read:location-1                 | GET  | Location/{id}                | organization/*.read
            SLOT_SEARCH                 | urn:nhs:names:services:gpconnect:fhir:rest:search:slot-1                   | GET  | Slot                         | organization/*.read
            APPOINTMENT_BOOK            | urn:nhs:names:services:gpconnect:fhir:rest:create:appointment-1            | POST | Appointment                  | patient/*.write
            PATIENT_APPOINTMENTS_SEARCH | urn:nhs:names:services:gpconnect:fhir:rest:search:patient_appointments-1   | GET  | Patient/{id}/Appointment     | patient/*.read
            APPOINTMENT_READ            | urn:nhs:names:services:gpconnect:fhir:rest:read:appointment-1              | GET  | Appointment/{id}             | patient/*.read
            APPOINTMENT_AMEND           | urn:nhs:names:services:gpconnect:fhir:rest:update:appointment-1            | PUT  | Appointment/{id}             | patient/*.write
            APPOINTMENT_CANCEL          | urn:nhs:names:services:gpconnect:fhir:rest:cancel:appointment-1            | PUT  | Appointment/{id}             | patient/*.write
            """)
    void each_interaction_has_the_urn_verb_path_and_scope_of_the_spec(Interaction interaction, String urn,
            String method, String path, String scope) {
        assertThat(interaction.interactionId()).isEqualTo(urn);
        assertThat(interaction.httpMethod()).isEqualTo(method);
        assertThat(interaction.path().template()).isEqualTo(path);
        assertThat(interaction.requiredScope().value()).isEqualTo(scope);
        assertThat(Interaction.forInteractionId(urn)).contains(interaction);
    }

    @Test
    void there_are_fifteen() {
        assertThat(Interaction.values()).hasSize(15);
    }

    @ParameterizedTest
    @EnumSource(Interaction.class)
    void each_interaction_matches_its_own_verb_and_path(Interaction interaction) {
        String path = interaction.path().template().replace("{id}", "42");

        assertThat(interaction.matches(interaction.httpMethod(), path)).isTrue();
    }

    @Test
    void a_request_matches_exactly_one_interaction_except_amend_and_cancel() {
        assertThat(matching("GET", "metadata")).containsExactly(Interaction.METADATA_READ);
        assertThat(matching("GET", "Patient")).containsExactly(Interaction.PATIENT_SEARCH);
        assertThat(matching("GET", "Patient/9")).containsExactly(Interaction.PATIENT_READ);
        assertThat(matching("POST", "Patient/$gpc.registerpatient")).containsExactly(Interaction.PATIENT_REGISTER);
        assertThat(matching("GET", "Patient/9/Appointment")).containsExactly(Interaction.PATIENT_APPOINTMENTS_SEARCH);
        assertThat(matching("POST", "Appointment")).containsExactly(Interaction.APPOINTMENT_BOOK);
        assertThat(matching("GET", "Appointment/1")).containsExactly(Interaction.APPOINTMENT_READ);
        // the header alone tells these two apart
        assertThat(matching("PUT", "Appointment/1"))
                .containsExactly(Interaction.APPOINTMENT_AMEND, Interaction.APPOINTMENT_CANCEL);
    }

    @Test
    void urls_and_verbs_are_case_sensitive() {
        assertThat(Interaction.METADATA_READ.matches("GET", "Metadata")).isFalse();
        assertThat(Interaction.METADATA_READ.matches("get", "metadata")).isFalse();
        assertThat(Interaction.PATIENT_SEARCH.matches("GET", "patient")).isFalse();
    }

    @Test
    void the_spec_mismatches_do_not_match() {
        // §1.1: organisation-search id on a patient-appointments search
        assertThat(Interaction.ORGANIZATION_SEARCH.matches("GET", "Patient/1/Appointment")).isFalse();
        // §1.1: practitioner-read id on Location, Organization reads and Organization search
        assertThat(Interaction.PRACTITIONER_READ.matches("GET", "Location/1")).isFalse();
        assertThat(Interaction.PRACTITIONER_READ.matches("GET", "Organization/1")).isFalse();
        assertThat(Interaction.PRACTITIONER_READ.matches("GET", "Organization")).isFalse();
    }

    @Test
    void unsupported_verbs_and_paths_match_nothing() {
        assertThat(matching("PATCH", "metadata")).isEmpty();
        assertThat(matching("DELETE", "metadata")).isEmpty();
        assertThat(matching("OPTIONS", "metadata")).isEmpty();
        assertThat(matching("POST", "metadata")).isEmpty();
        assertThat(matching("GET", "metadatas")).isEmpty();
        assertThat(matching("PUT", "metadatas")).isEmpty();
        assertThat(matching("DELETE", "Appointment/1")).isEmpty();
        assertThat(matching("GET", "Appointment/1/_history/2")).isEmpty();
        assertThat(matching("GET", "metadata/")).isEmpty();
    }

    @Test
    void an_operation_is_not_mistaken_for_an_id() {
        assertThat(Interaction.PATIENT_READ.matches("GET", "Patient/$gpc.registerpatient")).isFalse();
    }

    @Test
    void an_empty_id_still_selects_the_interaction_so_the_guard_can_answer_404() {
        assertThat(Interaction.APPOINTMENT_READ.match("GET", "Appointment/")).hasValueSatisfying(
                match -> assertThat(match.id()).contains(""));
    }

    @Test
    void unknown_interaction_ids_are_not_found() {
        assertThat(Interaction.forInteractionId("urn:nhs:names:services:gpconnect:fhir:rest:read:healthcareservice-1"))
                .isEmpty();
        assertThat(Interaction.forInteractionId(null)).isEmpty();
    }

    @Test
    void reads_by_id_know_their_not_found_code() {
        assertThat(Interaction.PATIENT_READ.unknownIdCode()).contains(SpineCode.PATIENT_NOT_FOUND);
        assertThat(Interaction.PATIENT_APPOINTMENTS_SEARCH.unknownIdCode()).contains(SpineCode.PATIENT_NOT_FOUND);
        assertThat(Interaction.ORGANIZATION_READ.unknownIdCode()).contains(SpineCode.ORGANISATION_NOT_FOUND);
        assertThat(Interaction.PRACTITIONER_READ.unknownIdCode()).contains(SpineCode.PRACTITIONER_NOT_FOUND);
        assertThat(Interaction.LOCATION_READ.unknownIdCode()).contains(SpineCode.NO_RECORD_FOUND);
        assertThat(Interaction.APPOINTMENT_READ.unknownIdCode()).contains(SpineCode.NO_RECORD_FOUND);
        assertThat(Interaction.SLOT_SEARCH.unknownIdCode()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Interaction.class)
    void an_interaction_has_a_not_found_code_exactly_when_its_path_has_an_id(Interaction interaction) {
        assertThat(interaction.unknownIdCode().isPresent()).isEqualTo(interaction.path().hasId());
    }

    private static java.util.List<Interaction> matching(String method, String path) {
        return Arrays.stream(Interaction.values()).filter(i -> i.matches(method, path)).toList();
    }
}
