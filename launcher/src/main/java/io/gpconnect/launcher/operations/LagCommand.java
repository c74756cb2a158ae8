package io.gpconnect.launcher.operations;

import io.gpconnect.slots.SlotProjection;
import io.gpconnect.store.AppointmentStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.gpconnect.launcher.config.OperationFailedException;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ./gpconnect lag}: how far the decision processor and the views are behind their topics. */
@Command(name = "lag", mixinStandardHelpOptions = true,
        description = "Consumer-group lag per topic and partition of the slot projection and the appointment views.")
public final class LagCommand implements Callable<Integer> {
    private static final String ROW = "%-30s %-28s %9s %10s %10s %8s%n";

    @Spec
    CommandSpec spec;

    @Option(names = "--group", paramLabel = "ID", split = ",",
            description = "Consumer groups to show (default: " + SlotProjection.APPLICATION_ID + "," + AppointmentStore.APPLICATION_ID + ")")
    List<String> groups = List.of(SlotProjection.APPLICATION_ID, AppointmentStore.APPLICATION_ID);

    @Mixin
    EngineConnection engine;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var settings = engine.settings(false);
        try (ConsumerLag lag = new ConsumerLag(settings.bootstrapServers())) {
            Map<String, List<ConsumerLag.PartitionLag>> byGroup = new LinkedHashMap<>();
            for (String group : groups) {
                byGroup.put(group, lag.of(group));
            }
            out.printf(ROW, "GROUP", "TOPIC", "PARTITION", "COMMITTED", "END", "LAG");
            for (String group : groups) {
                List<ConsumerLag.PartitionLag> partitions = byGroup.get(group);
                if (partitions.isEmpty()) {
                    out.printf(ROW, group, "(no members, nothing committed)", "-", "-", "-", "-");
                    continue;
                }
                for (ConsumerLag.PartitionLag p : partitions) {
                    out.printf(ROW, group, p.partition().topic(), p.partition().partition(),
                            p.committed() == ConsumerLag.NONE ? "-" : p.committed(), p.end(), p.lag());
                }
                out.printf(ROW, group, "total", "", "", "", partitions.stream().mapToLong(ConsumerLag.PartitionLag::lag).sum());
            }
        } catch (IllegalStateException e) {
            // Kafka not reachable, say: every group is read before the table starts, so none is half printed.
            throw new OperationFailedException(e.getMessage(), e);
        }
        out.flush();
        return 0;
    }
}
