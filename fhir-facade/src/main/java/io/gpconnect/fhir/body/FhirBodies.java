package io.gpconnect.fhir.body;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Locale;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Reads a request body the way the spec tells its failures apart: a body that is not JSON/XML at all is
 * 400 BAD_REQUEST (§6), while a well-formed body of the wrong resource type, with unknown elements or with
 * invalid values is 422 INVALID_RESOURCE (§5.1: "a body whose resourceType is not Appointment", "unknown or
 * extra JSON elements").
 *
 * <p>HAPI alone cannot make that split: it reports a syntax error, an unknown resource type and a bad date
 * with the same exception, so well-formedness is checked first, outside HAPI.
 */
public final class FhirBodies {
    private final FhirContext fhir;

    public FhirBodies(FhirContext fhir) {
        this.fhir = fhir;
    }

    /**
     * The body as text. Bytes that are not valid in its charset are 400 BAD_REQUEST: decoding them as U+FFFD would
     * store text other than what the consumer sent, and the spec never lets text be altered silently.
     */
    public static String text(byte[] body, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new GpConnectException(SpineCode.BAD_REQUEST, "The body is not valid " + charset.name() + " text");
        }
    }

    public <T extends IBaseResource> T parse(String body, String contentType, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new GpConnectException(SpineCode.BAD_REQUEST, "The request has no body");
        }
        boolean xml = isXml(body, contentType);
        String sentType = xml ? WellFormed.xmlRootElement(body) : WellFormed.jsonResourceType(body);
        String expected = fhir.getResourceType(type);
        if (!expected.equals(sentType)) {
            throw invalid("Expected " + article(expected) + " " + expected + " resource but the body is "
                    + (sentType == null ? "not a FHIR resource" : article(sentType) + " " + sentType));
        }
        try {
            IParser parser = xml ? fhir.newXmlParser() : fhir.newJsonParser();
            return parser.setParserErrorHandler(new StrictBodyErrors()).parseResource(type, body);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw invalid("The " + expected + " is not valid: " + e.getMessage());
        }
    }

    private static boolean isXml(String body, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("xml")) {
            return true;
        }
        if (type.contains("json")) {
            return false;
        }
        return body.stripLeading().startsWith("<");
    }

    private static String article(String word) {
        return "AEIOU".indexOf(Character.toUpperCase(word.charAt(0))) >= 0 ? "an" : "a";
    }

    private static GpConnectException invalid(String diagnostics) {
        return new GpConnectException(SpineCode.INVALID_RESOURCE, diagnostics);
    }
}
