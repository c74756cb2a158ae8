package io.gpconnect.fhir.error;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import io.gpconnect.store.ViewUnavailableException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever escaped request processing into a {@link GpConnectException}, so the consumer always
 * gets a GPConnect-OperationOutcome-1 and never a HAPI-flavoured one, a bare 500 or a stack trace.
 *
 * <p>HAPI's own exceptions (thrown by its routing, parsers and version checks) are mapped by status to
 * the Spine code the spec gives that situation; anything else is an internal error whose details stay
 * in the server log under an incident id the consumer can quote.
 */
public final class ExceptionTranslator {

    private static final Logger LOG = LoggerFactory.getLogger(ExceptionTranslator.class);

    public GpConnectException translate(Throwable failure) {
        if (failure instanceof GpConnectException gpConnect) {
            return gpConnect;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ViewUnavailableException) {
                // Starting, restoring or rebalancing: the consumer may retry shortly, nothing is wrong with its request.
                return new GpConnectException(SpineCode.INTERNAL_SERVER_ERROR, 503,
                        "The appointment book is temporarily unavailable (restoring or rebalancing); retry shortly");
            }
        }
        if (failure instanceof BaseServerResponseException hapi) {
            return fromHapi(hapi);
        }
        if (failure instanceof DataFormatException) {
            // HAPI raises this for a body it cannot parse; the spec calls a malformed body BAD_REQUEST.
            return new GpConnectException(SpineCode.BAD_REQUEST, failure.getMessage());
        }
        return internalError(failure);
    }

    private GpConnectException fromHapi(BaseServerResponseException hapi) {
        return fromStatus(hapi.getStatusCode(), hapi.getMessage(), hapi);
    }

    /**
     * For failures that only come with an HTTP status, such as the servlet container's own (a malformed URI):
     * the Spine code the spec gives that situation.
     */
    public GpConnectException fromStatus(int status, String message) {
        return fromStatus(status, message, null);
    }

    private GpConnectException fromStatus(int status, String message, Throwable cause) {
        return switch (status) {
            case 400 -> new GpConnectException(SpineCode.BAD_REQUEST, message);
            case 403 -> new GpConnectException(SpineCode.ACCESS_DENIED, message);
            case 404 -> new GpConnectException(SpineCode.NO_RECORD_FOUND, message);
            // The spec answers a wrong verb with 400 BAD_REQUEST, not 405.
            case 405 -> new GpConnectException(SpineCode.BAD_REQUEST, message);
            // Spec §2.9: a version mismatch is 409 FHIR_CONSTRAINT_VIOLATION, even where HAPI says 412.
            case 409, 412 -> new GpConnectException(SpineCode.FHIR_CONSTRAINT_VIOLATION, message);
            case 422 -> new GpConnectException(SpineCode.INVALID_RESOURCE, message);
            case 501 -> new GpConnectException(SpineCode.NOT_IMPLEMENTED, message);
            // The container's answer to a request line it cannot read as HTTP/1.x (an HTTP/0.9 "GET /"): the
            // consumer's mistake, not ours, so no incident.
            case 505 -> new GpConnectException(SpineCode.BAD_REQUEST, 505, message);
            default -> status >= 400 && status < 500
                    ? new GpConnectException(SpineCode.BAD_REQUEST, status, message)
                    : internalError(cause != null ? cause : new IllegalStateException(status + " " + message));
        };
    }

    private GpConnectException internalError(Throwable failure) {
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected failure, incident {}", incident, failure);
        return new GpConnectException(SpineCode.INTERNAL_SERVER_ERROR,
                "Unexpected internal server error, incident " + incident);
    }
}
