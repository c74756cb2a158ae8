package io.gpconnect.store.slots;

import io.gpconnect.schemas.slot.SlotAvailabilityChanged;
import io.gpconnect.schemas.slot.SlotState;
import io.gpconnect.schemas.slot.SlotStatus;
import io.gpconnect.topics.Keys;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Slots by id, and the free, GP Connect bookable ones indexed by practice and start time so that a search
 * is one range scan over exactly the slots it may return.
 */
public final class SlotView implements Processor<String, SlotAvailabilityChanged, Void, Void> {
    public static final String BY_ID = "slot-by-id";
    public static final String FREE_BY_START = "free-slots-by-start";

    private KeyValueStore<String, SlotState> byId;
    private KeyValueStore<String, SlotState> freeByStart;

    public static String freeKey(String ods, SlotState slot) {
        return Keys.of(ods, Keys.time(slot.getStart()), slot.getId());
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        byId = context.getStateStore(BY_ID);
        freeByStart = context.getStateStore(FREE_BY_START);
    }

    @Override
    public void process(Record<String, SlotAvailabilityChanged> record) {
        String ods = record.key();
        if (ods == null || record.value() == null) {
            return;
        }
        SlotState slot = record.value().getSlot();
        String idKey = Keys.of(ods, slot.getId());
        SlotState previous = byId.get(idKey);
        // put(key, null) deletes without reading: delete() fetches and decodes the old value only to return it,
        // and that was a tenth of the views' thread in ./gpconnect bench.
        if (previous != null) {
            freeByStart.put(freeKey(ods, previous), null);
        }
        if (slot.getStatus() == SlotStatus.WITHDRAWN) {
            byId.put(idKey, null);
            return;
        }
        byId.put(idKey, slot);
        if (slot.getStatus() == SlotStatus.FREE && slot.getGpConnectBookable()) {
            freeByStart.put(freeKey(ods, slot), slot);
        }
    }
}
