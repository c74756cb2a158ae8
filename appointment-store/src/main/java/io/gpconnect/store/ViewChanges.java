package io.gpconnect.store;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A change counter per practice, moved on after every record a view applies for it. A reader that built an
 * answer at generation g may serve that answer again for as long as the practice is still at g: nothing it was
 * built from has changed. The counter moves only after the stores are written, so an answer built after a
 * write is never filed under a generation older than that write.
 */
public final class ViewChanges {
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

    public long generation(String ods) {
        AtomicLong g = generations.get(ods);
        return g == null ? 0 : g.get();
    }

    void changed(String ods) {
        generations.computeIfAbsent(ods, k -> new AtomicLong()).incrementAndGet();
    }

    /** The view processor, reporting each record it applied (every view topic is keyed by practice ODS code). */
    <V> ProcessorSupplier<String, V, Void, Void> reporting(ProcessorSupplier<String, V, Void, Void> view) {
        return () -> new Reporting<>(view.get());
    }

    private final class Reporting<V> implements Processor<String, V, Void, Void> {
        private final Processor<String, V, Void, Void> view;

        Reporting(Processor<String, V, Void, Void> view) {
            this.view = view;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            view.init(context);
        }

        @Override
        public void process(Record<String, V> record) {
            view.process(record);
            if (record.key() != null) {
                changed(record.key());
            }
        }

        @Override
        public void close() {
            view.close();
        }
    }
}
