package io.gpconnect.slots;

import io.gpconnect.schemas.slot.SlotAvailabilityChanged;
import io.gpconnect.schemas.slot.SlotBefore;
import io.gpconnect.schemas.slot.SlotState;

import java.time.Instant;

/**
 * One slot's state before and after a decision or a feed record. The record on gpc.slot.availability carries
 * where the slot stood before, so the free-slot view can move or drop its entry without keeping every slot itself.
 *
 * @param before null when the slot is new
 */
public record SlotChange(SlotState before, SlotState after) {

    public SlotAvailabilityChanged record(String ods, Instant at) {
        SlotBefore was = before == null ? null : SlotBefore.newBuilder()
                .setStart(before.getStart())
                .setStatus(before.getStatus())
                .setGpConnectBookable(before.getGpConnectBookable())
                .build();
        return SlotAvailabilityChanged.newBuilder()
                .setPracticeOds(ods)
                .setChangedAt(at)
                .setSlot(after)
                .setBefore(was)
                .setBeforeKnown(true)
                .build();
    }
}
