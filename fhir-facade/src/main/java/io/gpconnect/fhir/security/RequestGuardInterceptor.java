package io.gpconnect.fhir.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Runs the {@link RequestGuard} inside HAPI, before HAPI picks a handler.
 *
 * <p>That pointcut is early enough that a wrong verb or unknown path (PATCH /metadata, /metadatas) is
 * answered by our 400 BAD_REQUEST rather than HAPI's own 404/405, and late enough that HAPI has parsed
 * {@code _format}/{@code Accept}, so a failure is rendered by HAPI's exception pipeline in JSON or XML
 * as the consumer asked. The accepted {@link RequestContext} is left in the request's user data.
 */
@Interceptor
public final class RequestGuardInterceptor {

    private static final String CONTEXT_KEY = RequestContext.class.getName();

    private final RequestGuard guard;

    public RequestGuardInterceptor(RequestGuard guard) {
        this.guard = guard;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED)
    public void guard(RequestDetails details, HttpServletRequest request) {
        RequestContext context = request.getAttribute(CONTEXT_KEY) instanceof RequestContext admitted ? admitted
                : guard.check(request.getMethod(), decoded(details.getRequestPath()), request::getHeader);
        details.getUserData().put(CONTEXT_KEY, context);
    }

    /** Records that the guard already accepted this request (the server checks kept reads before HAPI sees them). */
    public static void admit(HttpServletRequest request, RequestContext context) {
        request.setAttribute(CONTEXT_KEY, context);
    }

    /** For resource providers: the context of the request being served. */
    public static RequestContext contextOf(RequestDetails details) {
        Object context = details.getUserData().get(CONTEXT_KEY);
        if (context instanceof RequestContext requestContext) {
            return requestContext;
        }
        // Only reachable if the interceptor was not registered: a wiring bug, not a consumer error.
        throw new GpConnectException(SpineCode.INTERNAL_SERVER_ERROR, "Request was not checked by the request guard");
    }

    /**
     * HAPI hands over the path still percent-encoded (e.g. {@code Patient/%24gpc.registerpatient}) and
     * decodes it itself later, so the guard must see the decoded form. '+' is literal in a path.
     */
    static String decoded(String requestPath) {
        if (requestPath == null) {
            return "";
        }
        try {
            return URLDecoder.decode(requestPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            // left as sent: it then matches no interaction and is reported as such
            return requestPath;
        }
    }
}
