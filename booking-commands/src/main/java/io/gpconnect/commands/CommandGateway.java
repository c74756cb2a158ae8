package io.gpconnect.commands;

import io.gpconnect.schemas.command.AppointmentCommand;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.topics.EngineSettings;
import io.gpconnect.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts a validated command on gpc.appointment.commands and awaits its decision. The decision arrives through
 * {@link #decided} once the appointment views hold it, so the caller's answer and any read after it agree.
 */
public final class CommandGateway implements AutoCloseable {
    /** How long a command waits for others to share its produce request (see the constructor). */
    static final int LINGER_MS = 5;
    private final KafkaProducer<String, AppointmentCommand> producer;
    private final Map<String, Waiting> pending = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final OutcomeObserver observer;

    /** Told how each command submitted here ended, as its requester saw it: decided, timed out, or never sent. */
    @FunctionalInterface
    public interface OutcomeObserver {
        OutcomeObserver NONE = (command, decision, failure, timing) -> { };

        /** Exactly one of {@code decision} and {@code failure} is non-null. */
        void answered(AppointmentCommand command, AppointmentEvent decision, Throwable failure, CommandTiming timing);
    }

    public CommandGateway(EngineSettings settings, Duration timeout) {
        this(settings, timeout, OutcomeObserver.NONE);
    }

    public CommandGateway(EngineSettings settings, Duration timeout, OutcomeObserver observer) {
        Map<String, Object> conf = new HashMap<>(settings.serdes().serdeConfig());
        conf.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        conf.put(ProducerConfig.ACKS_CONFIG, "all");
        conf.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // Commands sent within a few milliseconds share a produce request. Their decisions wait for the processor's
        // next commit (every 20 ms) anyway, so this costs a booking nothing under load: at 500 bookings/s (one
        // engine, same hour) lingering 5 ms instead of 1 gave the same median (26-31 against 26-32 ms) for 2.35-2.60
        // against 2.75-2.88 ms of engine CPU per booking, the broker's share 620-704 against 772-820 µs. A lone
        // booking on a quiet engine waits the 5 ms.
        conf.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(LINGER_MS));
        // A send gives up when the client's decision timeout is spent (at least a second).
        long sendTimeoutMs = Math.max(timeout.toMillis(), 1000);
        conf.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(sendTimeoutMs));
        // The producer requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        conf.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(sendTimeoutMs - LINGER_MS));
        // send() blocks the request thread while it has no metadata for the topic or no buffer space (a broker
        // down since start-up, say); by default for 60 s, far past the decision timeout the client was promised.
        conf.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(sendTimeoutMs));
        Serializer<AppointmentCommand> values = settings.serdes().<AppointmentCommand>valueSerde().serializer();
        this.producer = new KafkaProducer<>(conf, new StringSerializer(), values);
        this.timeout = timeout;
        this.observer = observer;
    }

    /**
     * Sends the command for the practice and completes with its decision, or exceptionally with a
     * {@link TimeoutException} when none arrives in time (the command may still be decided later: the caller
     * must not assume it failed).
     */
    public CompletableFuture<AppointmentEvent> submit(String practiceOds, AppointmentCommand command) {
        Waiting waiting = new Waiting(System.nanoTime());
        pending.put(command.getCommandId(), waiting);
        producer.send(new ProducerRecord<>(Topics.APPOINTMENT_COMMANDS.name(), practiceOds, command), (md, error) -> {
            if (error != null) {
                waiting.outcome.completeExceptionally(new CommandNotAcknowledgedException(error));
            } else {
                waiting.appendedNanos = System.nanoTime();
            }
        });
        return waiting.outcome.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((e, t) -> {
                    pending.remove(command.getCommandId());
                    observer.answered(command, e, t, waiting.timing(command, e, System.nanoTime()));
                });
    }

    /** Called by the views once they hold the event deciding a command. */
    public void decided(AppointmentEvent event) {
        Waiting waiting = pending.get(event.getCommandId());
        if (waiting != null) {
            waiting.visibleAtMillis = System.currentTimeMillis();
            waiting.outcome.complete(event);
        }
    }

    public int awaiting() {
        return pending.size();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** A command awaiting its decision, and when it passed each stage (written by the producer's and the views' threads). */
    private static final class Waiting {
        final CompletableFuture<AppointmentEvent> outcome = new CompletableFuture<>();
        final long sentNanos;
        volatile long appendedNanos;
        volatile long visibleAtMillis;

        Waiting(long sentNanos) {
            this.sentNanos = sentNanos;
        }

        CommandTiming timing(AppointmentCommand command, AppointmentEvent decision, long answeredNanos) {
            Duration appended = appendedNanos == 0 ? null : Duration.ofNanos(appendedNanos - sentNanos);
            Instant decidedAt = decision == null ? null : decision.getDecidedAt();
            Instant visibleAt = visibleAtMillis == 0 ? null : Instant.ofEpochMilli(visibleAtMillis);
            return CommandTiming.of(command.getIssuedAt(), appended, decidedAt, visibleAt, Duration.ofNanos(answeredNanos - sentNanos));
        }
    }

    /**
     * The broker did not acknowledge the command in time. That does not mean it was not written: an append
     * whose acknowledgement was lost with the connection is still decided once the processor reads it.
     */
    public static final class CommandNotAcknowledgedException extends RuntimeException {
        CommandNotAcknowledgedException(Throwable cause) {
            super("The command was not acknowledged: " + cause.getMessage(), cause);
        }
    }
}
