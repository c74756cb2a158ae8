package io.gpconnect.fhir.error;

import org.hl7.fhir.dstu3.model.OperationOutcome.IssueType;

/**
 * The Spine error codes GP Connect 1.2.7 uses (spec §6), each with the HTTP status and FHIR issue type
 * the error-handling table pairs it with.
 *
 * <p>Display texts are those of the Spine-ErrorOrWarningCode-1 CodeSystem, which the assurance suite
 * and the demonstrator use; the 1.2.7 error page paraphrases some of them.
 */
public enum SpineCode {
    BAD_REQUEST("BAD_REQUEST", "Bad request", 400, IssueType.INVALID),
    INVALID_IDENTIFIER_SYSTEM("INVALID_IDENTIFIER_SYSTEM", "Invalid identifier system", 400, IssueType.VALUE),
    INVALID_IDENTIFIER_VALUE("INVALID_IDENTIFIER_VALUE", "Invalid identifier value", 400, IssueType.VALUE),
    INVALID_NHS_NUMBER("INVALID_NHS_NUMBER", "Invalid NHS number", 400, IssueType.VALUE),
    INVALID_PATIENT_DEMOGRAPHICS("INVALID_PATIENT_DEMOGRAPHICS", "Invalid patient demographics", 400,
            IssueType.BUSINESSRULE),
    NO_PATIENT_CONSENT("NO_PATIENT_CONSENT", "Patient has not provided consent to share data", 403,
            IssueType.FORBIDDEN),
    // 1.2.7 spells the code NO_ORGANISATION_CONSENT; the CodeSystem itself says NO_ORGANISATIONAL_CONSENT.
    // We follow the 1.2.7 pages, which are our contract.
    NO_ORGANISATION_CONSENT("NO_ORGANISATION_CONSENT", "Organisation has not provided consent to share data", 403,
            IssueType.FORBIDDEN),
    // 1.2.7 spells it ACCESS_DENIED; 1.2.9 and the CodeSystem use "ACCESS DENIED" (with a space).
    ACCESS_DENIED("ACCESS_DENIED", "Access has been denied to process this request", 403, IssueType.FORBIDDEN),
    PATIENT_NOT_FOUND("PATIENT_NOT_FOUND", "Patient not found", 404, IssueType.NOTFOUND),
    ORGANISATION_NOT_FOUND("ORGANISATION_NOT_FOUND", "Organisation not found", 404, IssueType.NOTFOUND),
    PRACTITIONER_NOT_FOUND("PRACTITIONER_NOT_FOUND", "Practitioner not found", 404, IssueType.NOTFOUND),
    NO_RECORD_FOUND("NO_RECORD_FOUND", "No record found", 404, IssueType.NOTFOUND),
    DUPLICATE_REJECTED("DUPLICATE_REJECTED", "Create would lead to creation of a duplicate resource", 409,
            IssueType.DUPLICATE),
    FHIR_CONSTRAINT_VIOLATION("FHIR_CONSTRAINT_VIOLATION", "FHIR constraint violated", 409, IssueType.CONFLICT),
    INVALID_RESOURCE("INVALID_RESOURCE", "Invalid validation of resource", 422, IssueType.INVALID),
    INVALID_PARAMETER("INVALID_PARAMETER", "Invalid parameter", 422, IssueType.INVALID),
    REFERENCE_NOT_FOUND("REFERENCE_NOT_FOUND", "Reference not found", 422, IssueType.INVALID),
    INTERNAL_SERVER_ERROR("INTERNAL_SERVER_ERROR", "Unexpected internal server error", 500, IssueType.EXCEPTION),
    NOT_IMPLEMENTED("NOT_IMPLEMENTED", "Not implemented", 501, IssueType.NOTSUPPORTED);

    /** Canonical URL of the CodeSystem (spec §6 / §11.1: not the ValueSet URL the examples show). */
    public static final String SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1";

    private final String code;
    private final String display;
    private final int httpStatus;
    private final IssueType issueType;

    SpineCode(String code, String display, int httpStatus, IssueType issueType) {
        this.code = code;
        this.display = display;
        this.httpStatus = httpStatus;
        this.issueType = issueType;
    }

    /** The code as it goes on the wire in {@code issue.details.coding.code}. */
    public String code() {
        return code;
    }

    public String display() {
        return display;
    }

    /** The status the spec pairs with this code; a thrower may still override it (e.g. 415). */
    public int httpStatus() {
        return httpStatus;
    }

    public IssueType issueType() {
        return issueType;
    }
}
