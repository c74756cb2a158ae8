package io.gpconnect.fhir.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.hl7.fhir.dstu3.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §6: the error table, one row per Spine code. */
class SpineCodeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            BAD_REQUEST                  | BAD_REQUEST                  | 400 | INVALID      | Bad request
            INVALID_IDENTIFIER_SYSTEM    | INVALID_IDENTIFIER_SYSTEM    | 400 | VALUE        | Invalid identifier system
            INVALID_IDENTIFIER_VALUE     | INVALID_IDENTIFIER_VALUE     | 400 | VALUE        | Invalid identifier value
            INVALID_NHS_NUMBER           | INVALID_NHS_NUMBER           | 400 | VALUE        | Invalid NHS number
            INVALID_PATIENT_DEMOGRAPHICS | INVALID_PATIENT_DEMOGRAPHICS | 400 | BUSINESSRULE | Invalid patient demographics
            NO_PATIENT_CONSENT           | NO_PATIENT_CONSENT           | 403 | FORBIDDEN    | Patient has not provided consent to share data
            NO_ORGANISATION_CONSENT      | NO_ORGANISATION_CONSENT      | 403 | FORBIDDEN    | Organisation has not provided consent to share data
            ACCESS_DENIED                | ACCESS_DENIED                | 403 | FORBIDDEN    | Access has been denied to process this request
            PATIENT_NOT_FOUND            | PATIENT_NOT_FOUND            | 404 | NOTFOUND     | Patient not found
            ORGANISATION_NOT_FOUND       | ORGANISATION_NOT_FOUND       | 404 | NOTFOUND     | Organisation not found
            PRACTITIONER_NOT_FOUND       | PRACTITIONER_NOT_FOUND       | 404 | NOTFOUND     | Practitioner not found
            NO_RECORD_FOUND              | NO_RECORD_FOUND              | 404 | NOTFOUND     | No record found
            DUPLICATE_REJECTED           | DUPLICATE_REJECTED           | 409 | DUPLICATE    | Create would lead to creation of a duplicate resource
            FHIR_CONSTRAINT_VIOLATION    | FHIR_CONSTRAINT_VIOLATION    | 409 | CONFLICT     | FHIR constraint violated
            INVALID_RESOURCE             | INVALID_RESOURCE             | 422 | INVALID      | Invalid validation of resource
            INVALID_PARAMETER            | INVALID_PARAMETER            | 422 | INVALID      | Invalid parameter
            REFERENCE_NOT_FOUND          | REFERENCE_NOT_FOUND          | 422 | INVALID      | Reference not found
            INTERNAL_SERVER_ERROR        | INTERNAL_SERVER_ERROR        | 500 | EXCEPTION    | Unexpected internal server error
            NOT_IMPLEMENTED              | NOT_IMPLEMENTED              | 501 | NOTSUPPORTED | Not implemented
            """)
    void each_code_has_the_status_issue_type_and_display_of_the_spec(SpineCode code, String wire, int status,
            IssueType issueType, String display) {
        assertThat(code.code()).isEqualTo(wire);
        assertThat(code.httpStatus()).isEqualTo(status);
        assertThat(code.issueType()).isEqualTo(issueType);
        assertThat(code.display()).isEqualTo(display);
    }

    @Test
    void the_table_above_covers_every_code() {
        assertThat(SpineCode.values()).hasSize(19);
    }

    @Test
    void codes_are_unique() {
        assertThat(Arrays.stream(SpineCode.values()).map(SpineCode::code)).doesNotHaveDuplicates();
    }

    @Test
    void the_system_is_the_codesystem_url_not_the_valueset_url() {
        assertThat(SpineCode.SYSTEM).isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1");
    }
}
