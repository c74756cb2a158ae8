package io.gpconnect.launcher;

import io.gpconnect.schemas.feed.SlotPublished;
import io.gpconnect.schemas.slot.SlotState;
import io.gpconnect.slots.SlotProjection;
import io.gpconnect.store.ViewQueries;
import io.gpconnect.store.slots.SlotView;

import java.util.List;
import java.util.Optional;

/**
 * Whether a practice's seeded slots have reached the free-slot view, through the decision processor (which ingests
 * the feed and publishes each slot's availability) and the views (which list the free ones). The feed is ingested in
 * order, so the processor holding the last seeded slot means it holds them all; the views listing it, when it is
 * free, means they have applied them all. A slot an earlier run booked, or one not bookable through GP Connect, is
 * never listed, so the check steps back to the latest seeded slot the processor holds free and bookable; when none
 * is, the processor having them is all there is to see.
 */
final class SeededSlots {
    private SeededSlots() {
    }

    /** Throws {@link org.apache.kafka.streams.errors.InvalidStateStoreException} while a store cannot be queried. */
    static boolean visible(String ods, List<SlotPublished> seeded, SlotProjection projection, ViewQueries views) {
        for (int i = seeded.size() - 1; i >= 0; i--) {
            Optional<SlotState> held = projection.slot(ods, seeded.get(i).getId());
            if (held.isEmpty()) {
                return false;
            }
            SlotState slot = held.get();
            if (SlotView.listed(slot)) {
                return views.freeSlots(ods, slot.getStart(), slot.getEnd()).stream().anyMatch(s -> s.getId().equals(slot.getId()));
            }
        }
        return true;
    }
}
