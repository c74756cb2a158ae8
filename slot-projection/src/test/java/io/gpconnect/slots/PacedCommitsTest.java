package io.gpconnect.slots;

import io.gpconnect.schemas.command.AppointmentCommand;
import io.gpconnect.slots.feed.FeedIngestor;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command processor, paced ({@link PacedCommits}), asks Kafka Streams for a commit as its {@link CommitPacer} says: straight after a fresh
 * command, at a tenth of their wait while commands queue, and from its periodic check for a decision with nothing after it.
 */
class PacedCommitsTest {
    private static final long INTERVAL = 20;
    private static final long NOW = 1_000_000;

    @Test
    void aFreshCommandIsCommittedAtOnceAndAQueuedOneATenthOfItsWaitLater() {
        MockProcessorContext<String, Object> context = context();
        var processor = processor(context);

        processor.process(command(NOW - 2));
        assertThat(context.committed()).isTrue();

        context.resetCommit();
        context.setCurrentSystemTimeMs(NOW + INTERVAL + 1);
        processor.process(command(NOW - 5_000));
        assertThat(context.committed()).as("a command queued five seconds").isFalse();
        context.setCurrentSystemTimeMs(NOW + 500);
        processor.process(command(NOW - 4_500));
        assertThat(context.committed()).isTrue();
    }

    @Test
    void theCheckCommitsADecisionWithNothingAfterIt() {
        MockProcessorContext<String, Object> context = context();
        decidedJustAfterACommit(context, processor(context));

        check(context).punctuate(NOW + 10);
        assertThat(context.committed()).as("before an interval has passed").isFalse();
        check(context).punctuate(NOW + INTERVAL + 1);
        assertThat(context.committed()).isTrue();
    }

    @Test
    void theTasksOfAThreadShareOneCadenceBecauseOneCommitCommitsThemAll() {
        ThreadLocal<CommitPacer> pacer = CommitPacer.perThread(INTERVAL);
        MockProcessorContext<String, Object> task1 = context();
        MockProcessorContext<String, Object> task2 = context();
        var first = processor(task1, pacer);
        var second = processor(task2, pacer);

        first.process(command(NOW - 2));
        assertThat(task1.committed()).isTrue();
        task2.setCurrentSystemTimeMs(NOW + 5);
        second.process(command(NOW + 4));
        assertThat(task2.committed()).as("5 ms after the other task's commit").isFalse();
        task2.setCurrentSystemTimeMs(NOW + INTERVAL + 1);
        second.process(command(NOW + INTERVAL));
        assertThat(task2.committed()).isTrue();
    }

    @Test
    void whenTheCheckFindsACommitDueEveryTaskAsksSoTheOneHoldingTheDecisionDoes() {
        ThreadLocal<CommitPacer> pacer = CommitPacer.perThread(INTERVAL);
        MockProcessorContext<String, Object> idle = context();
        MockProcessorContext<String, Object> busy = context();
        processor(idle, pacer);
        decidedJustAfterACommit(busy, processor(busy, pacer));

        long due = NOW + INTERVAL + 1;
        check(idle).punctuate(due);
        check(busy).punctuate(due);
        assertThat(idle.committed()).as("the first task checked: nothing of its own to commit").isTrue();
        assertThat(busy.committed()).as("the task holding the decision").isTrue();
    }

    /** A fresh command, committed at once, then another 5 ms later, left for the commit check. */
    private static void decidedJustAfterACommit(MockProcessorContext<String, Object> context,
                                                Processor<String, AppointmentCommand, String, Object> processor) {
        processor.process(command(NOW - 2));
        context.resetCommit();
        context.setCurrentSystemTimeMs(NOW + 5);
        processor.process(command(NOW + 4));
        assertThat(context.committed()).isFalse();
    }

    @Test
    void aFeedRecordIsPacedLikeACommandSoItsChangesDoNotWaitForKafkaStreamsInterval() {
        ThreadLocal<CommitPacer> pacer = CommitPacer.perThread(INTERVAL);
        MockProcessorContext<String, SpecificRecord> context = context();
        var ingesting = PacedCommits.around(() -> new FeedIngestor("slot-availability"), pacer, false).get();
        ingesting.init(context);

        ingesting.process(new Record<>("A20047", null, NOW - 2));

        assertThat(context.committed()).isTrue();
    }

    /** The processor's commit check: its one wall-clock punctuator under a second (the other forgets old ids). */
    private static Punctuator check(MockProcessorContext<String, Object> context) {
        return context.scheduledPunctuators().stream()
                .filter(p -> p.getType() == PunctuationType.WALL_CLOCK_TIME && p.getInterval().compareTo(Duration.ofSeconds(1)) < 0)
                .findFirst().orElseThrow().getPunctuator();
    }

    /** A record with no value: the processor skips it, which is all these tests need it to decide. */
    private static Record<String, AppointmentCommand> command(long sentAt) {
        return new Record<>("A20047", null, sentAt);
    }

    private static Processor<String, AppointmentCommand, String, Object> processor(MockProcessorContext<String, Object> context) {
        return processor(context, CommitPacer.perThread(INTERVAL));
    }

    private static Processor<String, AppointmentCommand, String, Object> processor(MockProcessorContext<String, Object> context,
                                                                                 ThreadLocal<CommitPacer> pacer) {
        var processor = PacedCommits.around(() -> new CommandProcessor((topic, event) -> new byte[0]), pacer, true).get();
        processor.init(context);
        return processor;
    }

    private static <V> MockProcessorContext<String, V> context() {
        MockProcessorContext<String, V> context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(NOW);
        for (String name : List.of(SlotStores.SLOTS, SlotStores.SCHEDULES, SlotStores.PATIENTS, SlotStores.APPOINTMENTS,
                SlotStores.DECIDED, SlotStores.PATIENTS_BY_NHS_NUMBER)) {
            KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.ByteArray())
                    .withLoggingDisabled().build();
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
        }
        return context;
    }
}
