package io.gpconnect.launcher.conformance;

import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Schedule;
import org.hl7.fhir.dstu3.model.Slot;

import java.util.Optional;

/** A free slot as a consumer finds it, with the Schedule its search included. */
record OpenSlot(Slot slot, Schedule schedule) {
    String id() {
        return slot.getIdElement().getIdPart();
    }

    String locationRef() {
        return actor("Location/").orElseThrow(() -> new AssertionError("Schedule has no Location actor"));
    }

    Optional<String> practitionerRef() {
        return actor("Practitioner/");
    }

    private Optional<String> actor(String prefix) {
        return schedule.getActor().stream().map(Reference::getReference).filter(r -> r.startsWith(prefix)).findFirst();
    }
}
