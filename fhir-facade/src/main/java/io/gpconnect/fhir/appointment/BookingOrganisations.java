package io.gpconnect.fhir.appointment;

import ca.uhn.fhir.context.FhirContext;
import io.gpconnect.schemas.BookingOrganisation;
import org.hl7.fhir.dstu3.model.Organization;

/**
 * The booking organisation kept as the consumer sent it (spec §5.1: MustSupport, stored and returned with all
 * sub-elements). It was parsed strictly on the way in, so what is stored is valid FHIR.
 */
final class BookingOrganisations {
    /** HAPI's shared STU3 context: the same one the facade serves with, so no second one is built. */
    private static final FhirContext FHIR = FhirContext.forDstu3Cached();

    private BookingOrganisations() {
    }

    /** The contained Organization as JSON, its local id left out: the appointment's reference carries it. */
    static String stored(Organization sent) {
        Organization copy = sent.copy();
        copy.setIdElement(null);
        return FHIR.newJsonParser().encodeResourceToString(copy);
    }

    static Organization asSent(BookingOrganisation org) {
        Organization contained = FHIR.newJsonParser().parseResource(Organization.class, org.getResource());
        contained.setId(org.getContainedId());
        return contained;
    }
}
