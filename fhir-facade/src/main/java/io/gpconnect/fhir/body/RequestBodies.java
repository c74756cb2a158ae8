package io.gpconnect.fhir.body;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** For resource providers: the body {@link RequestBodyInterceptor} parsed for this request. */
public final class RequestBodies {
    private RequestBodies() {
    }

    public static <T extends IBaseResource> T of(RequestDetails request, Class<T> type) {
        IBaseResource parsed = request.getResource();
        if (type.isInstance(parsed)) {
            return type.cast(parsed);
        }
        // Only reachable if the interceptor was not registered: a wiring bug, not a consumer error.
        throw new GpConnectException(SpineCode.INTERNAL_SERVER_ERROR, "The request body was not parsed");
    }
}
