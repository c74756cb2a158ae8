package io.gpconnect.fhir.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.gpconnect.fhir.security.FhirContexts;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueType;
import org.hl7.fhir.dstu3.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.junit.jupiter.api.Test;

/** Spec §6: the GPConnect-OperationOutcome-1 shape. */
class OperationOutcomesTest {

    @Test
    void an_outcome_carries_profile_severity_issue_type_spine_coding_and_diagnostics() {
        OperationOutcome outcome = OperationOutcomes.of(SpineCode.INVALID_PARAMETER,
                "Slot search date range of 15 days exceeds the maximum of 14 days");

        assertThat(outcome.getMeta().getProfile()).extracting(p -> p.getValue())
                .containsExactly("https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1");
        assertThat(outcome.getIssue()).hasSize(1);
        OperationOutcomeIssueComponent issue = outcome.getIssueFirstRep();
        assertThat(issue.getSeverity()).isEqualTo(IssueSeverity.ERROR);
        assertThat(issue.getCode()).isEqualTo(IssueType.INVALID);
        assertThat(issue.getDetails().getCoding()).hasSize(1);
        Coding coding = issue.getDetails().getCodingFirstRep();
        assertThat(coding.getSystem()).isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1");
        assertThat(coding.getCode()).isEqualTo("INVALID_PARAMETER");
        assertThat(coding.getDisplay()).isEqualTo("Invalid parameter");
        assertThat(issue.getDiagnostics()).isEqualTo("Slot search date range of 15 days exceeds the maximum of 14 days");
    }

    @Test
    void blank_diagnostics_fall_back_to_the_display_because_some_codes_require_diagnostics() {
        assertThat(OperationOutcomes.of(SpineCode.INTERNAL_SERVER_ERROR, " ").getIssueFirstRep().getDiagnostics())
                .isEqualTo("Unexpected internal server error");
        assertThat(OperationOutcomes.of(SpineCode.INVALID_RESOURCE, null).getIssueFirstRep().getDiagnostics())
                .isEqualTo("Invalid validation of resource");
    }

    @Test
    void it_serialises_like_the_spec_example() {
        String json = FhirContexts.DSTU3.newJsonParser().encodeResourceToString(
                OperationOutcomes.of(SpineCode.NO_RECORD_FOUND, "No appointment with id 42"));

        assertThat(json).isEqualTo("{\"resourceType\":\"OperationOutcome\","
                + "\"meta\":{\"profile\":[\"https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1\"]},"
                + "\"issue\":[{\"severity\":\"error\",\"code\":\"not-found\","
                + "\"details\":{\"coding\":[{\"system\":\"https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1\","
                + "\"code\":\"NO_RECORD_FOUND\",\"display\":\"No record found\"}]},"
                + "\"diagnostics\":\"No appointment with id 42\"}]}");
    }
}
