package io.gpconnect.slots;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Duration;

/**
 * Asks Kafka Streams for the commits its stream thread's {@link CommitPacer} calls for, around a processor that
 * writes the practice's slot book: after each record it handled, and from a periodic check, so that a change with
 * no record after it still commits on time. Both inputs, commands and the practice feed, go through it: a commit
 * asked for by either commits the other's changes too, and an unpaced one would be left to Kafka Streams' own
 * (long) interval.
 */
final class PacedCommits<KIn, VIn, KOut, VOut> implements Processor<KIn, VIn, KOut, VOut> {
    private final Processor<KIn, VIn, KOut, VOut> inner;
    /** The stream thread's pacer: processors run on their task's thread, so this is read there, never kept. */
    private final ThreadLocal<CommitPacer> commits;
    private final boolean checks;
    private ProcessorContext<KOut, VOut> context;

    private PacedCommits(Processor<KIn, VIn, KOut, VOut> inner, ThreadLocal<CommitPacer> commits, boolean checks) {
        this.inner = inner;
        this.commits = commits;
        this.checks = checks;
    }

    /**
     * @param checks whether this processor runs the periodic check: one per task is enough (a task's processors
     *               share its commits), and each check is a punctuation every few milliseconds
     */
    static <KIn, VIn, KOut, VOut> ProcessorSupplier<KIn, VIn, KOut, VOut> around(
            ProcessorSupplier<KIn, VIn, KOut, VOut> inner, ThreadLocal<CommitPacer> commits, boolean checks) {
        return () -> new PacedCommits<>(inner.get(), commits, checks);
    }

    @Override
    public void init(ProcessorContext<KOut, VOut> context) {
        this.context = context;
        inner.init(context);
        if (!checks) {
            return;
        }
        // Checked between records, a few times an interval.
        context.schedule(Duration.ofMillis(commits.get().checkEveryMs()), PunctuationType.WALL_CLOCK_TIME, now -> {
            if (commits.get().check(now)) {
                context.commit();
            }
        });
    }

    @Override
    public void process(Record<KIn, VIn> record) {
        inner.process(record);
        if (commits.get().decided(context.currentSystemTimeMs(), record.timestamp())) {
            context.commit();
        }
    }

    @Override
    public void close() {
        inner.close();
    }
}
