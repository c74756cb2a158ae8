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

    /**
     * The contained Organization as JSON, or null when the parts kept in {@code fields} give it back whole (the usual
     * booking: ODS code, name, telecom, profile, GP Connect type). Encoding it, and parsing it for every answer, cost
     * a booking about a tenth more CPU when done every time. Its local id is left out: the reference carries it.
     */
    static String storedIfMore(Organization sent, BookingOrganisation fields) {
        Organization copy = sent.copy();
        copy.setIdElement(null);
        Organization rebuilt = AppointmentMapper.fromFields(fields);
        rebuilt.setIdElement(null);
        return rebuilt.equalsDeep(copy) ? null : FHIR.newJsonParser().encodeResourceToString(copy);
    }

    static Organization asSent(BookingOrganisation org) {
        Organization contained = FHIR.newJsonParser().parseResource(Organization.class, org.getResource());
        contained.setId(org.getContainedId());
        return contained;
    }
}
