package io.gpconnect.store.slots;

import io.gpconnect.schemas.slot.SlotAvailabilityChanged;
import io.gpconnect.schemas.slot.SlotBefore;
import io.gpconnect.schemas.slot.SlotState;
import io.gpconnect.schemas.slot.SlotStatus;
import io.gpconnect.topics.Keys;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The free, GP Connect bookable slots, indexed by practice and start time so that a search is one range scan over
 * exactly the slots it may return. Each record says where its slot stood before, so moving or dropping the slot's
 * entry needs no store of every slot by id (which cost a read and a change-logged write per booking).
 */
public final class SlotView implements Processor<String, SlotAvailabilityChanged, Void, Void> {
    public static final String FREE_BY_START = "free-slots-by-start";

    private KeyValueStore<String, SlotState> freeByStart;

    public static String freeKey(String ods, SlotState slot) {
        return freeKey(ods, slot.getStart(), slot.getId());
    }

    private static String freeKey(String ods, Instant start, String slotId) {
        return Keys.of(ods, Keys.time(start), slotId);
    }

    /** Whether the view lists the slot: free, and bookable through GP Connect. */
    public static boolean listed(SlotState slot) {
        return listed(slot.getStatus(), slot.getGpConnectBookable());
    }

    private static boolean listed(SlotStatus status, boolean gpConnectBookable) {
        return status == SlotStatus.FREE && gpConnectBookable;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        freeByStart = context.getStateStore(FREE_BY_START);
    }

    @Override
    public void process(Record<String, SlotAvailabilityChanged> record) {
        String ods = record.key();
        if (ods == null || record.value() == null) {
            return;
        }
        SlotAvailabilityChanged change = record.value();
        SlotState slot = change.getSlot();
        boolean listedNow = listed(slot);
        if (change.getBeforeKnown()) {
            SlotBefore before = change.getBefore();
            // An entry listed now at the same start is overwritten below; put(key, null) deletes without reading
            // (delete() fetches and decodes the old value only to return it).
            if (before != null && listed(before.getStatus(), before.getGpConnectBookable())
                    && !(listedNow && before.getStart().equals(slot.getStart()))) {
                freeByStart.put(freeKey(ods, before.getStart(), slot.getId()), null);
            }
        } else {
            forgetListing(ods, slot.getId());
        }
        if (listedNow) {
            freeByStart.put(freeKey(ods, slot), slot);
        }
    }

    /**
     * For records written before they said where the slot stood: its entry, if any, is found among the practice's
     * free slots (a scan of the practice, so only for such records).
     */
    private void forgetListing(String ods, String slotId) {
        String suffix = Keys.SEP + slotId;
        List<String> stale = new ArrayList<>(1);
        try (KeyValueIterator<String, SlotState> it = freeByStart.range(ods + Keys.SEP, Keys.prefixEnd(ods))) {
            while (it.hasNext()) {
                String key = it.next().key;
                if (key.endsWith(suffix)) {
                    stale.add(key);
                }
            }
        }
        stale.forEach(key -> freeByStart.put(key, null));
    }
}
