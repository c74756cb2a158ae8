package io.gpconnect.fhir.error;

import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueSeverity;

/** Builds GPConnect-OperationOutcome-1 resources (spec §6). */
public final class OperationOutcomes {

    public static final String PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1";

    private OperationOutcomes() {
    }

    /**
     * One error issue carrying the Spine code. Diagnostics are mandatory for some codes (INVALID_RESOURCE,
     * INVALID_PARAMETER, REFERENCE_NOT_FOUND, INTERNAL_SERVER_ERROR), so a blank value falls back to the
     * display text rather than leaving the element out.
     */
    public static OperationOutcome of(SpineCode code, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.getMeta().addProfile(PROFILE);
        outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(code.issueType())
                .setDetails(new CodeableConcept().addCoding(
                        new Coding(SpineCode.SYSTEM, code.code(), code.display())))
                .setDiagnostics(diagnostics == null || diagnostics.isBlank() ? code.display() : Diagnostics.clean(diagnostics));
        return outcome;
    }
}
