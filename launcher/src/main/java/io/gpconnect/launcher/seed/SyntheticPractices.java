package io.gpconnect.launcher.seed;

import io.gpconnect.bench.scale.SyntheticScale;

import java.util.ArrayList;
import java.util.List;

/**
 * National-scale practice exports for benchmarking: practices shaped like the demo one (same patients, so
 * the same bookings are valid everywhere) with one location and a day-long schedule per practitioner. They
 * are published through gpc.practice.feed by the same code as the demo practice, never written into views.
 */
public final class SyntheticPractices {
    private SyntheticPractices() {
    }

    public static List<PracticeData> of(SyntheticScale scale, PracticeData demo) {
        List<PracticeData> out = new ArrayList<>(scale.practices());
        for (int i = 0; i < scale.practices(); i++) {
            out.add(practice(SyntheticScale.odsCode(i), scale, demo));
        }
        return out;
    }

    static PracticeData practice(String ods, SyntheticScale scale, PracticeData demo) {
        PracticeData.Organisation demoOrg = demo.organisations().get(0);
        PracticeData.Schedule demoSchedule = demo.schedules().get(0);
        var organisation = new PracticeData.Organisation("1", ods, "Synthetic practice " + ods, demoOrg.telecom(), demoOrg.address(), true);
        var location = new PracticeData.Location("1", "Synthetic practice " + ods + " surgery", null, demoOrg.address(),
                demoOrg.telecom(), "1");
        var template = new PracticeData.SlotTemplate("General medical practice", "In-person", SyntheticScale.SLOT_MINUTES,
                SyntheticScale.DAY_START.toString(), scale.dayEnd().toString(), false);
        List<PracticeData.Practitioner> practitioners = new ArrayList<>();
        List<PracticeData.Schedule> schedules = new ArrayList<>();
        for (int p = 1; p <= scale.practitioners(); p++) {
            String id = String.valueOf(p);
            practitioners.add(new PracticeData.Practitioner(id, ods + "P" + p, List.of(ods + "R" + p), "Practitioner" + p,
                    List.of("Synthetic"), List.of("Dr"), "unknown", "1"));
            schedules.add(new PracticeData.Schedule(id, "1", "1", List.of(id), demoSchedule.practitionerRole(),
                    demoSchedule.serviceCategory(), template, List.of(), List.of(), true));
        }
        return new PracticeData(demo.providerAsid(), List.of(organisation), List.of(location), practitioners, demo.patients(), schedules);
    }
}
