package io.gpconnect.fhir.body;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Syntax alone: is the body JSON or XML at all, and which resource does it claim to be. A failure here is
 * 400 BAD_REQUEST; everything FHIR-specific is left to HAPI, but for numbers in exponent form (422), which HAPI
 * must never see.
 */
final class WellFormed {
    // A key sent twice would leave which value counts to the parser; FHIR JSON allows each property once.
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final XMLInputFactory XML = secureXmlFactory();

    private WellFormed() {
    }

    /**
     * The {@code resourceType} of a JSON object, or null when it has none. Reads the body as tokens, without
     * building a tree of it (HAPI parses it again next): every token is still read, so bad syntax, a key sent
     * twice at any depth and anything after the object are all found.
     */
    static String jsonResourceType(String body) {
        try (JsonParser json = JSON.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw malformed("JSON", "a FHIR resource is a JSON object");
            }
            String type = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (value == JsonToken.VALUE_STRING && "resourceType".equals(name)) {
                    type = json.getText();
                }
                checkValues(json, value);
            }
            JsonToken after = json.nextToken();
            if (after != null) {
                throw malformed("JSON", "content after the resource (" + after + ")");
            }
            return type;
        } catch (JsonProcessingException e) {
            throw malformed("JSON", e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String has no I/O to fail
        }
    }

    /**
     * Reads the value that starts at {@code token}, children included, refusing two things HAPI would accept and
     * then mishandle: a number in exponent form (STU3's integer and decimal have none, and HAPI turns 1e999999999
     * into an exact integer a billion digits long: one 60-byte body used to exhaust the heap and stop the engine),
     * and a string with a lone surrogate escape such as \ud800 (not Unicode text; it was stored as "?").
     */
    private static void checkValues(JsonParser json, JsonToken token) throws IOException {
        int depth = 0;
        do {
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                depth++;
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                depth--;
            } else if (token == JsonToken.VALUE_STRING && hasLoneSurrogate(json.getTextCharacters(), json.getTextOffset(), json.getTextLength())) {
                throw malformed("JSON", "a string holds an unpaired surrogate (\\uD800-\\uDFFF), which is not Unicode text");
            } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                String number = json.getText();
                if (number.indexOf('e') >= 0 || number.indexOf('E') >= 0) {
                    throw new GpConnectException(SpineCode.INVALID_RESOURCE, "The number " + (number.length() <= 40 ? number : number.substring(0, 40) + "...")
                            + " is in exponent form, which FHIR STU3 integers and decimals do not allow");
                }
            }
        } while (depth > 0 && (token = json.nextToken()) != null);
    }

    /** Reads the parser's own buffer: a String per value would double what the syntax check allocates. */
    private static boolean hasLoneSurrogate(char[] text, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            char c = text[i];
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < end && Character.isLowSurrogate(text[i + 1])) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The local name of the root element, after reading the whole document. */
    static String xmlRootElement(String body) {
        try {
            XMLStreamReader reader = XML.createXMLStreamReader(new StringReader(body));
            try {
                String root = null;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamReader.DTD) {
                        // FHIR XML forbids DTDs; refusing any outright means no parser after this one (HAPI's)
                        // ever meets an entity declaration, whatever its own settings.
                        throw malformed("XML", "a FHIR resource must not contain a DOCTYPE declaration");
                    }
                    if (event == XMLStreamReader.START_ELEMENT && root == null) {
                        root = reader.getLocalName();
                    }
                }
                return root;
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw malformed("XML", e.getMessage());
        }
    }

    // A request body must never make us resolve entities or fetch DTDs (XXE).
    private static XMLInputFactory secureXmlFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    private static GpConnectException malformed(String format, String problem) {
        return new GpConnectException(SpineCode.BAD_REQUEST, "The body is not well-formed " + format + ": " + problem);
    }
}
