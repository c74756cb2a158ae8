package io.gpconnect.launcher.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * One STU3 context for the whole suite (building one takes seconds). Responses are read strictly, as the
 * assurance suite's .NET parser does: an element STU3 does not know fails the test.
 */
final class Fhir {
    static final FhirContext CONTEXT = FhirContext.forDstu3();

    private Fhir() {
    }

    static IBaseResource parseJson(String body) {
        return strict(CONTEXT.newJsonParser()).parseResource(body);
    }

    static IBaseResource parseXml(String body) {
        return strict(CONTEXT.newXmlParser()).parseResource(body);
    }

    static String json(IBaseResource resource) {
        return CONTEXT.newJsonParser().encodeResourceToString(resource);
    }

    static String xml(IBaseResource resource) {
        return CONTEXT.newXmlParser().encodeResourceToString(resource);
    }

    private static IParser strict(IParser parser) {
        return parser.setParserErrorHandler(new StrictErrorHandler());
    }
}
