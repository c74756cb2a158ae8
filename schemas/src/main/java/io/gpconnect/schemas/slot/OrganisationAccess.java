package io.gpconnect.schemas.slot;

import io.gpconnect.schemas.BookingOrganisation;

/**
 * Slot availability management (spec §5.6): a slot restricted to ODS codes or organisation types is offered
 * only to organisations that match. The same rule serves slot search and booking.
 */
public final class OrganisationAccess {
    private OrganisationAccess() {
    }

    /**
     * @param odsCode the requesting organisation's ODS code, or null when none was given
     * @param orgType the organisation type, or null when none was given
     */
    public static boolean permits(SlotState slot, String odsCode, String orgType) {
        boolean typeOk = slot.getBookableOrgTypes().isEmpty()
                || (orgType != null && slot.getBookableOrgTypes().contains(orgType));
        boolean odsOk = slot.getBookableOdsCodes().isEmpty()
                || (odsCode != null && slot.getBookableOdsCodes().contains(odsCode));
        return typeOk && odsOk;
    }

    public static boolean permits(SlotState slot, BookingOrganisation org) {
        return permits(slot, org.getOdsCode(), org.getOrganisationType());
    }
}
