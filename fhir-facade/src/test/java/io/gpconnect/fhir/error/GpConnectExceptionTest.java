package io.gpconnect.fhir.error;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.dstu3.model.OperationOutcome;
import org.junit.jupiter.api.Test;

class GpConnectExceptionTest {

    @Test
    void the_status_defaults_to_the_code_status() {
        GpConnectException e = new GpConnectException(SpineCode.DUPLICATE_REJECTED, "Slot 7 is already booked");

        assertThat(e.getStatusCode()).isEqualTo(409);
        assertThat(e.spineCode()).isEqualTo(SpineCode.DUPLICATE_REJECTED);
        assertThat(e.diagnostics()).isEqualTo("Slot 7 is already booked");
    }

    @Test
    void the_status_can_be_overridden_for_an_unsupported_media_type() {
        GpConnectException e = new GpConnectException(SpineCode.BAD_REQUEST, 415, "Unsupported content type");

        assertThat(e.getStatusCode()).isEqualTo(415);
        assertThat(e.spineCode()).isEqualTo(SpineCode.BAD_REQUEST);
    }

    @Test
    void hapi_sees_a_server_response_exception_with_its_operation_outcome_in_place() {
        BaseServerResponseException e = new GpConnectException(SpineCode.PATIENT_NOT_FOUND, "No patient 9");

        OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
        assertThat(outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo("PATIENT_NOT_FOUND");
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).isEqualTo("No patient 9");
        assertThat(e.getMessage()).isEqualTo("PATIENT_NOT_FOUND: No patient 9");
    }
}
