package io.gpconnect.launcher.conformance;

import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Schedule;
import org.hl7.fhir.dstu3.model.Slot;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slot searches as the assurance suite makes them before booking ("I get Available Free Slots"): ODS A20047 and
 * org type urgent-care, {@code _include=Slot:schedule}. Conformance tests book on days 7 to 12 only, clear of the
 * days other test classes of the shared engine race on.
 */
final class OpenSlots {
    static final ZoneId UK = ZoneId.of("Europe/London");
    static final String ODS_FILTER = "https://fhir.nhs.uk/Id/ods-organization-code|A20047";
    static final String URGENT_CARE_FILTER = "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1|urgent-care";

    private OpenSlots() {
    }

    static LocalDate today() {
        return LocalDate.now(UK);
    }

    /** The default search for a window of whole days, as a call that can still be changed. */
    static Call search(LocalDate from, LocalDate to) {
        return Call.get("/Slot", Gpc.SLOT_SEARCH)
                .param("start", "ge" + from).param("end", "le" + to)
                .param("status", "free").param("_include", "Slot:schedule")
                .param("searchFilter", ODS_FILTER).param("searchFilter", URGENT_CARE_FILTER);
    }

    /** Every free slot of one day, earliest first, the way the suite sees them. */
    static List<OpenSlot> on(int daysAhead) {
        LocalDate day = today().plusDays(daysAhead);
        Reply reply = search(day, day).send();
        SpineAssertions.assertStatus(reply, 200);
        return of(reply.bundle());
    }

    /** The suite books the first slot of the Bundle. */
    static OpenSlot first(int daysAhead) {
        List<OpenSlot> slots = on(daysAhead);
        assertThat(slots).as("free slots " + daysAhead + " days ahead").isNotEmpty();
        return slots.get(0);
    }

    static List<OpenSlot> of(Bundle bundle) {
        Map<String, Schedule> schedules = new HashMap<>();
        List<Slot> slots = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof Schedule schedule) {
                schedules.put("Schedule/" + schedule.getIdElement().getIdPart(), schedule);
            } else if (entry.getResource() instanceof Slot slot) {
                slots.add(slot);
            }
        }
        List<OpenSlot> found = new ArrayList<>();
        for (Slot slot : slots) {
            Schedule schedule = schedules.get(slot.getSchedule().getReference());
            assertThat(schedule).as("the Schedule of Slot/" + slot.getIdElement().getIdPart() + " is in the Bundle").isNotNull();
            found.add(new OpenSlot(slot, schedule));
        }
        return found;
    }
}
