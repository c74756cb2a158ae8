package io.gpconnect.bench.phase;

import io.gpconnect.bench.fhir.FreeSlot;
import io.gpconnect.bench.load.OperationResult;
import io.gpconnect.bench.load.OperationStats;
import io.gpconnect.schemas.command.AppointmentCommand;
import io.gpconnect.schemas.event.AppointmentBooked;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.schemas.event.CommandRejected;
import io.gpconnect.schemas.event.RejectionReason;
import io.gpconnect.topics.AvroSerdes;
import io.gpconnect.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The decision rate of the slot projection alone: book commands for distinct free slots go straight onto
 * gpc.appointment.commands (no HTTP, no gateway) and each is timed until its decision is readable,
 * read_committed, on gpc.appointment.events. Commands are serialised before the clock starts, so the rate is
 * the engine's, not the load generator's serialiser's.
 */
public final class KafkaCommandPhase implements Phase {
    static final String NAME = "kafka decisions";
    /** Time allowed, after the last command is sent, for the last decision to arrive. */
    private static final Duration DRAIN = Duration.ofSeconds(60);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<OperationResult> run(BenchContext context) throws Exception {
        LoadShape shape = context.shape();
        List<FreeSlot> slots = context.slots().take((int) Math.min(Integer.MAX_VALUE, shape.maxKafkaCommands()));
        if (slots.isEmpty()) {
            return List.of();
        }
        AvroSerdes serdes = new AvroSerdes(context.target().registryUrl());
        int warmUp = Math.min(slots.size() / 10, 5_000);
        OperationStats stats = new OperationStats(NAME, Set.of(201), Set.of());
        try (KafkaProducer<String, byte[]> producer = producer(context);
             KafkaConsumer<String, AppointmentEvent> decisions = decisionReader(context, serdes)) {
            Serializer<AppointmentCommand> serializer = serdes.<AppointmentCommand>valueSerde().serializer();
            burst(slots.subList(0, warmUp), context.slots(), serializer, producer, decisions, stats, shape.warmUp(), () -> { });
            // The measured interval, and the CPU charged to it, start with the first send, after the serialising.
            double span = burst(slots.subList(warmUp, slots.size()), context.slots(), serializer, producer, decisions, stats,
                    shape.measure(), stats::restart);
            return List.of(stats.result().over(span));
        }
    }

    /**
     * Serialises the commands, runs {@code sending}, then sends them for at most {@code duration} and waits for
     * their decisions; the span in seconds. The slots of commands it had no time to send go back to the pool.
     */
    private static double burst(List<FreeSlot> slots, SlotPool pool, Serializer<AppointmentCommand> serializer, KafkaProducer<String, byte[]> producer,
                                KafkaConsumer<String, AppointmentEvent> decisions, OperationStats stats, Duration duration, Runnable sending) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        List<byte[]> payloads = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            FreeSlot s = slots.get(i);
            String patient = BookingPhase.PATIENTS.get(i % BookingPhase.PATIENTS.size());
            payloads.add(serializer.serialize(Topics.APPOINTMENT_COMMANDS.name(), BookingCommands.book(commandId(run, i), s, patient, now)));
        }
        long[] sentAt = new long[slots.size()];
        sending.run();
        long first = System.nanoTime();
        long end = first + duration.toNanos();
        int sent = 0;
        for (; sent < slots.size() && System.nanoTime() < end; sent++) {
            sentAt[sent] = System.nanoTime();
            producer.send(new ProducerRecord<>(Topics.APPOINTMENT_COMMANDS.name(), slots.get(sent).ods(), payloads.get(sent)));
            if ((sent & 1023) == 0) {
                pollDecisions(decisions, run, sentAt, stats, Duration.ZERO);
            }
        }
        producer.flush();
        pool.giveBack(slots.subList(sent, slots.size()));
        long drainUntil = System.nanoTime() + DRAIN.toNanos();
        long last = first;
        int decided = stats.decided();
        while (decided < sent && System.nanoTime() < drainUntil) {
            if (pollDecisions(decisions, run, sentAt, stats, Duration.ofMillis(100)) > 0) {
                last = System.nanoTime();
            }
            decided = stats.decided();
        }
        for (int i = decided; i < sent; i++) {
            stats.violation(); // never decided within the drain time
        }
        return Math.max(1e-9, (last - first) / 1e9);
    }

    private static int pollDecisions(KafkaConsumer<String, AppointmentEvent> decisions, String run, long[] sentAt, OperationStats stats,
                                     Duration wait) {
        int ours = 0;
        String prefix = "bench-" + run + "-";
        for (ConsumerRecord<String, AppointmentEvent> r : decisions.poll(wait)) {
            String id = r.value() == null ? "" : r.value().getCommandId();
            if (id.startsWith(prefix)) {
                int i = Integer.parseInt(id.substring(prefix.length()));
                Object decision = r.value().getEvent();
                stats.record(sentAt[i], status(decision));
                if (decision instanceof CommandRejected rejected) {
                    stats.noteUnexpected(status(decision), rejected.getReason() + ": " + rejected.getDiagnostics());
                }
                ours++;
            }
        }
        return ours;
    }

    private static int status(Object decision) {
        if (decision instanceof AppointmentBooked) {
            return 201;
        }
        if (decision instanceof CommandRejected rejected && rejected.getReason() == RejectionReason.SLOT_NOT_FREE) {
            return 409;
        }
        return 422;
    }

    private static String commandId(String run, int index) {
        return "bench-" + run + "-" + index;
    }

    private static KafkaProducer<String, byte[]> producer(BenchContext context) {
        Map<String, Object> conf = new HashMap<>();
        conf.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, context.target().bootstrapServers());
        conf.put(ProducerConfig.ACKS_CONFIG, "all");
        conf.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // Batches, as a busy gateway's would be under load: the point is the processor's rate, not per-record sends.
        conf.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        conf.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        return new KafkaProducer<>(conf, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, AppointmentEvent> decisionReader(BenchContext context, AvroSerdes serdes) {
        Map<String, Object> conf = new HashMap<>(serdes.serdeConfig());
        conf.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, context.target().bootstrapServers());
        conf.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        conf.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        conf.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        KafkaConsumer<String, AppointmentEvent> c = new KafkaConsumer<>(conf, new StringDeserializer(),
                serdes.<AppointmentEvent>valueSerde().deserializer());
        List<TopicPartition> partitions = c.partitionsFor(Topics.APPOINTMENT_EVENTS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        c.assign(partitions);
        c.seekToEnd(partitions);
        partitions.forEach(c::position); // resolve the end now, before any of our commands can be decided
        return c;
    }
}
