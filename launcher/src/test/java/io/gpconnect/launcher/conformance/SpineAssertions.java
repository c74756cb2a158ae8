package io.gpconnect.launcher.conformance;

import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.OperationOutcome;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What spec §1 and §6 require of every response: {@code Cache-Control: no-store} always, and on a failure a
 * GPConnect-OperationOutcome-1 carrying the Spine code in the CodeSystem (not ValueSet) system, with
 * diagnostics (mandatory for some codes; this provider always sends them).
 */
final class SpineAssertions {
    static final String SPINE_SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1";
    static final String OPERATION_OUTCOME_PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1";
    private static final Set<String> DIAGNOSTICS_MANDATORY =
            Set.of("INVALID_RESOURCE", "INVALID_PARAMETER", "REFERENCE_NOT_FOUND", "INTERNAL_SERVER_ERROR");

    private SpineAssertions() {
    }

    static Reply assertStatus(Reply reply, int status) {
        assertThat(reply.status).as(reply.toString()).isEqualTo(status);
        assertNoStore(reply);
        return reply;
    }

    static void assertNoStore(Reply reply) {
        assertThat(reply.header("Cache-Control")).as("Cache-Control of " + reply).contains("no-store");
    }

    /** The exact status and Spine code the spec gives the failure. */
    static OperationOutcome assertError(Reply reply, int status, String spineCode) {
        assertStatus(reply, status);
        OperationOutcome outcome = assertOperationOutcome(reply);
        Coding coding = outcome.getIssueFirstRep().getDetails().getCodingFirstRep();
        assertThat(coding.getCode()).as(reply.toString()).isEqualTo(spineCode);
        return outcome;
    }

    /** Where the spec or suite only asks for "a failure with an OperationOutcome" (e.g. PATCH /metadata). */
    static OperationOutcome assertFailure(Reply reply) {
        assertThat(reply.status).as(reply.toString()).isBetween(400, 499);
        assertNoStore(reply);
        return assertOperationOutcome(reply);
    }

    private static OperationOutcome assertOperationOutcome(Reply reply) {
        OperationOutcome outcome = reply.outcome();
        assertThat(outcome.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(OPERATION_OUTCOME_PROFILE);
        assertThat(outcome.getIssue()).as(reply.toString()).isNotEmpty();
        for (OperationOutcome.OperationOutcomeIssueComponent issue : outcome.getIssue()) {
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
            assertThat(issue.getCode()).isNotNull();
            assertThat(issue.getDetails().getCoding()).hasSize(1);
            Coding coding = issue.getDetails().getCodingFirstRep();
            assertThat(coding.getSystem()).isEqualTo(SPINE_SYSTEM);
            assertThat(coding.getCode()).isNotBlank();
            assertThat(coding.getDisplay()).isNotBlank();
            if (DIAGNOSTICS_MANDATORY.contains(coding.getCode())) {
                assertThat(issue.getDiagnostics()).as("diagnostics are mandatory for " + coding.getCode()).isNotBlank();
            }
        }
        return outcome;
    }
}
