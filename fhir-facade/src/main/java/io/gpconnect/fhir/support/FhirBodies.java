package io.gpconnect.fhir.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Reads a request body in two passes, because the spec tells the two failures apart: a body that is not
 * JSON/XML at all is 400 BAD_REQUEST, while a well-formed body with unknown or invalid elements, or of the
 * wrong resource type, is 422 INVALID_RESOURCE.
 */
public final class FhirBodies {
    private final FhirContext fhir;

    public FhirBodies(FhirContext fhir) {
        this.fhir = fhir;
    }

    public <T extends IBaseResource> T parse(String body, String contentType, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new GpConnectException(SpineCode.BAD_REQUEST, "The request has no body");
        }
        boolean xml = isXml(body, contentType);
        IBaseResource lenient;
        try {
            lenient = parser(xml).setParserErrorHandler(new LenientErrorHandler(false)).parseResource(body);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new GpConnectException(SpineCode.BAD_REQUEST, "The body could not be parsed as FHIR " + (xml ? "XML" : "JSON") + ": " + e.getMessage());
        }
        if (!type.isInstance(lenient)) {
            throw new GpConnectException(SpineCode.INVALID_RESOURCE,
                    "Expected a " + type.getSimpleName() + " resource but the body is a " + lenient.fhirType());
        }
        try {
            return type.cast(parser(xml).setParserErrorHandler(new StrictErrorHandler()).parseResource(body));
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new GpConnectException(SpineCode.INVALID_RESOURCE, "The " + type.getSimpleName() + " is not valid: " + e.getMessage());
        }
    }

    private IParser parser(boolean xml) {
        return xml ? fhir.newXmlParser() : fhir.newJsonParser();
    }

    private static boolean isXml(String body, String contentType) {
        if (contentType != null && contentType.toLowerCase().contains("xml")) {
            return true;
        }
        if (contentType != null && contentType.toLowerCase().contains("json")) {
            return false;
        }
        return body.stripLeading().startsWith("<");
    }
}
