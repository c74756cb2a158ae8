package io.gpconnect.fhir.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Parses the FHIR resources carried in the {@code requesting_*} claims. A claim that is present but is
 * not a valid STU3 resource of the expected type is 422 INVALID_RESOURCE, as the assurance suite
 * expects (spec §3.1, §11.3); an unknown element counts as invalid, hence the strict parser.
 */
final class ClaimResources {

    private static final int MAX_REMEMBERED = 1_000;

    private final FhirContext dstu3;
    private final Map<String, Resource> valid = new ConcurrentHashMap<>();

    ClaimResources(FhirContext dstu3) {
        this.dstu3 = dstu3;
    }

    <T extends Resource> T parse(String claim, Map<String, Object> json, Class<T> expectedType) {
        String text = JSONObjectUtils.toJSONString(json);
        // A consumer sends the same device, organisation and practitioner on every request, and a strict HAPI
        // parse of them was a tenth of a booking's CPU: a valid claim is parsed once and copied thereafter
        // (a copy, because callers own what they are given). Invalid ones are not kept, so they fail as before.
        Resource known = valid.get(text);
        if (known != null && expectedType.isInstance(known)) {
            return expectedType.cast(known.copy());
        }
        IBaseResource parsed;
        try {
            // HAPI parsers are not thread-safe; a fresh one is cheap next to the shared context.
            IParser parser = dstu3.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
            parsed = parser.parseResource(text);
        } catch (RuntimeException e) {
            throw invalid(claim, "is not a valid FHIR STU3 resource: " + e.getMessage());
        }
        if (!expectedType.isInstance(parsed)) {
            throw invalid(claim, "must be a " + expectedType.getSimpleName() + " resource but is a "
                    + parsed.getClass().getSimpleName());
        }
        if (valid.size() >= MAX_REMEMBERED) {
            valid.clear(); // bounded: claims are consumer-controlled text
        }
        valid.put(text, (Resource) parsed);
        return expectedType.cast(((Resource) parsed).copy());
    }

    private static GpConnectException invalid(String claim, String problem) {
        return new GpConnectException(SpineCode.INVALID_RESOURCE, "JWT claim " + claim + " " + problem);
    }
}
