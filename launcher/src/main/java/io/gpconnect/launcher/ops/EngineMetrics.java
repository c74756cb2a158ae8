package io.gpconnect.launcher.ops;

import io.gpconnect.launcher.operations.ConsumerLag;
import io.gpconnect.schemas.event.AppointmentEvent;
import io.gpconnect.schemas.event.CommandRejected;
import io.gpconnect.schemas.event.CommandType;
import io.gpconnect.schemas.event.RejectionReason;
import io.gpconnect.store.appointments.AppliedEventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's metrics in Prometheus form: command outcomes by kind and rejection reason, Kafka Streams
 * (consumer lag, commit latency, dropped records, …) and the JVM. HTTP request metrics per interaction are
 * added by the facade through {@link #registry()}.
 */
public final class EngineMetrics implements AutoCloseable {
    /** The Prometheus text format both scrapes answer in. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    /** gpconnect.commands.decided by event class, or by command and reason for a rejection. */
    private final Map<Object, Counter> decided = new ConcurrentHashMap<>();

    /**
     * The state-store metrics Kafka Streams records at its default (INFO) level: RocksDB's properties (memory,
     * files, compactions, keys) and open iterators. Every other store metric (put, get, range and the other
     * operations' rates and latencies, restoration, RocksDB's statistics) is registered for each of the ~60 stores
     * but recorded only at DEBUG, which is off: they were 3,600 lines of zeros in a 9,500-line scrape.
     */
    private static final Set<String> RECORDED_STORE_METRICS = Set.of(
            "num-immutable-mem-table", "cur-size-active-mem-table", "cur-size-all-mem-tables", "size-all-mem-tables",
            "num-entries-active-mem-table", "num-entries-imm-mem-tables", "num-deletes-active-mem-table",
            "num-deletes-imm-mem-tables", "mem-table-flush-pending", "num-running-flushes", "compaction-pending",
            "num-running-compactions", "estimate-pending-compaction-bytes", "total-sst-files-size", "live-sst-files-size",
            "num-live-versions", "block-cache-capacity", "block-cache-usage", "block-cache-pinned-usage", "estimate-num-keys",
            "estimate-table-readers-mem", "background-errors", "num-open-iterators", "iterator-duration-avg",
            "iterator-duration-max", "oldest-iterator-open-since-ms");
    private static final String STORE_METRICS = "kafka.stream.state.";

    public EngineMetrics() {
        registry.config().meterFilter(MeterFilter.deny(EngineMetrics::unrecordedStoreMetric));
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    static boolean unrecordedStoreMetric(Meter.Id id) {
        return id.getName().startsWith(STORE_METRICS)
                && !RECORDED_STORE_METRICS.contains(id.getName().substring(STORE_METRICS.length()).replace('.', '-'));
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Kafka Streams' own metrics, and its state as a number (RUNNING = 2, see {@link KafkaStreams.State}). */
    public void watch(String application, KafkaStreams streams) {
        new KafkaStreamsMetrics(streams).bindTo(registry);
        Gauge.builder("gpconnect.streams.state", streams, s -> s.state().ordinal())
                .tag("application", application)
                .description("Kafka Streams state ordinal: 0 CREATED, 1 REBALANCING, 2 RUNNING, 3 PENDING_SHUTDOWN, 4 NOT_RUNNING, 5 PENDING_ERROR, 6 ERROR")
                .register(registry);
    }

    /** Total lag of a Streams application's consumer group behind its input topics. */
    public void watchLag(String application, ConsumerLag lag) {
        GroupLag group = new GroupLag(lag, application);
        Gauge.builder("gpconnect.consumer.lag", group, GroupLag::total)
                .tag("application", application)
                .description("Records of its input topics the application has not committed yet (the sum over partitions)")
                .strongReference(true) // nothing else holds the GroupLag: a weak reference would leave only NaN
                .register(registry);
    }

    /** Counts, per outcome, the commands this instance submitted. */
    public CommandOutcomes commandOutcomes() {
        return new CommandOutcomes(registry);
    }

    /** Counts each decision as the views apply it. */
    public AppliedEventListener countingDecisions(AppliedEventListener next) {
        return event -> {
            count(event);
            next.applied(event);
        };
    }

    private void count(AppointmentEvent event) {
        Object e = event.getEvent();
        // A handful of distinct counters, each built once: registering on every event hashed the meter's
        // name and tags for every decision the views applied.
        Object key = e instanceof CommandRejected r ? new Rejection(r.getCommandType(), r.getReason()) : e.getClass();
        decided.computeIfAbsent(key, k -> decidedCounter(e)).increment();
    }

    private record Rejection(CommandType command, RejectionReason reason) {
    }

    private Counter decidedCounter(Object e) {
        String outcome = e.getClass().getSimpleName();
        String reason = e instanceof CommandRejected r ? r.getReason().name() : "none";
        String command = e instanceof CommandRejected r ? r.getCommandType().name() : commandOf(outcome);
        return Counter.builder("gpconnect.commands.decided")
                .description("Commands decided by the slot projection, by command, outcome and rejection reason")
                .tag("command", command.toLowerCase(Locale.ROOT))
                .tag("outcome", outcome)
                .tag("reason", reason)
                .register(registry);
    }

    private static String commandOf(String outcome) {
        return switch (outcome) {
            case "AppointmentBooked" -> "BOOK";
            case "AppointmentAmended" -> "AMEND";
            case "AppointmentCancelled" -> "CANCEL";
            default -> "UNKNOWN";
        };
    }

    public String scrape() {
        return registry.scrape();
    }

    /**
     * Only the named metrics (their Prometheus names, e.g. gpconnect_command_stage_seconds): a whole scrape reads
     * every Kafka client and Streams metric of every task and store (0.25–0.45 s on an engine booking 500 a second,
     * before the unrecorded store metrics were left out).
     */
    public String scrape(Set<String> names) {
        return registry.scrape(CONTENT_TYPE, names);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
