package io.gpconnect.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import io.gpconnect.fhir.error.ExceptionTranslator;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error responses (a URI it will not route, such as {@code Location/a%2Fb} or {@code %zz}) as
 * GP Connect OperationOutcomes with {@code Cache-Control: no-store}, instead of Jetty's HTML page: spec §1
 * and §6 ask that every response, errors included, be both.
 */
public final class ContainerErrors extends ErrorHandler {
    private final FhirContext fhir;
    private final ExceptionTranslator translator = new ExceptionTranslator();

    public ContainerErrors(FhirContext fhir) {
        this.fhir = fhir;
        setCacheControl("no-store");
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        boolean xml = OperationOutcomeWriter.wantsXml(null, request.getHeaders().get(HttpHeader.ACCEPT), null);
        // A body that stopped arriving times out while Jetty reads it ahead of the servlet: the client's delay.
        GpConnectException e = timedOut(cause) ? outcome(408, "The request body did not arrive in time")
                // Jetty's GracefulHandler refusing a request while the service stops: nothing is wrong, retry shortly.
                : code == 503 ? new GpConnectException(SpineCode.INTERNAL_SERVER_ERROR, 503, "The service is stopping; retry shortly")
                : outcome(code, message);
        response.setStatus(e.getStatusCode());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, OperationOutcomeWriter.contentType(xml));
        response.write(true, ByteBuffer.wrap(OperationOutcomeWriter.encode(fhir, e, xml)), callback);
    }

    /** Jetty writes a body only for GET, POST and HEAD by default; a PUT or PROPFIND error needs one as much. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** A request too malformed to be parsed at all never reaches {@link #generateResponse}. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CACHE_CONTROL, "no-store"));
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, OperationOutcomeWriter.contentType(false)));
        return ByteBuffer.wrap(OperationOutcomeWriter.encode(fhir, outcome(status, reason), false));
    }

    private static boolean timedOut(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private GpConnectException outcome(int status, String message) {
        return translator.fromStatus(status, message == null ? "HTTP " + status : message);
    }
}
