package io.gpconnect.fhir.error;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.exceptions.NotImplementedOperationException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExceptionTranslatorTest {

    private final ExceptionTranslator translator = new ExceptionTranslator();

    @Test
    void our_own_exception_passes_through_untouched() {
        GpConnectException ours = new GpConnectException(SpineCode.INVALID_PARAMETER, "bad start");

        assertThat(translator.translate(ours)).isSameAs(ours);
    }

    static Stream<Arguments> hapiExceptions() {
        return Stream.of(
                Arguments.of(new InvalidRequestException("bad"), 400, SpineCode.BAD_REQUEST),
                Arguments.of(new AuthenticationException("who"), 401, SpineCode.BAD_REQUEST),
                Arguments.of(new ForbiddenOperationException("no"), 403, SpineCode.ACCESS_DENIED),
                Arguments.of(new ResourceNotFoundException("gone"), 404, SpineCode.NO_RECORD_FOUND),
                Arguments.of(new MethodNotAllowedException("verb"), 400, SpineCode.BAD_REQUEST),
                Arguments.of(new ResourceVersionConflictException("v"), 409, SpineCode.FHIR_CONSTRAINT_VIOLATION),
                Arguments.of(new PreconditionFailedException("v"), 409, SpineCode.FHIR_CONSTRAINT_VIOLATION),
                Arguments.of(new UnclassifiedServerFailureException(415, "type"), 415, SpineCode.BAD_REQUEST),
                Arguments.of(new UnprocessableEntityException("bad body"), 422, SpineCode.INVALID_RESOURCE),
                Arguments.of(new NotImplementedOperationException("later"), 501, SpineCode.NOT_IMPLEMENTED),
                Arguments.of(new InternalErrorException("boom"), 500, SpineCode.INTERNAL_SERVER_ERROR),
                Arguments.of(new UnclassifiedServerFailureException(503, "down"), 500, SpineCode.INTERNAL_SERVER_ERROR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hapiExceptions")
    void hapi_exceptions_map_to_the_spine_code_of_their_situation(BaseServerResponseException hapi, int status,
            SpineCode code) {
        GpConnectException translated = translator.translate(hapi);

        assertThat(translated.getStatusCode()).isEqualTo(status);
        assertThat(translated.spineCode()).isEqualTo(code);
    }

    @Test
    void an_unparsable_body_is_a_bad_request() {
        assertThat(translator.translate(new DataFormatException("Unexpected character")).spineCode())
                .isEqualTo(SpineCode.BAD_REQUEST);
    }

    @Test
    void an_unexpected_exception_is_a_500_that_reveals_nothing_but_an_incident_id() {
        IllegalStateException bug = new IllegalStateException("secret connection string");

        GpConnectException translated = translator.translate(bug);

        assertThat(translated.getStatusCode()).isEqualTo(500);
        assertThat(translated.spineCode()).isEqualTo(SpineCode.INTERNAL_SERVER_ERROR);
        assertThat(translated.diagnostics()).startsWith("Unexpected internal server error, incident ")
                .doesNotContain("secret").doesNotContain("IllegalStateException").doesNotContain("\tat ");
    }

    @Test
    void an_error_is_translated_too() {
        assertThat(translator.translate(new StackOverflowError()).getStatusCode()).isEqualTo(500);
    }
}
