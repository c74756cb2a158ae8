package io.gpconnect.store;

import io.gpconnect.topics.EngineSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * Drops the views so that the next start rebuilds them from the topics (what Kafka's streams reset tool does
 * for one application): its committed offsets, its changelog topics and its local state go. The event topics,
 * which are the source of truth, are not touched. The views must not be running.
 */
public final class ViewReset {
    private static final Logger log = LoggerFactory.getLogger(ViewReset.class);

    private ViewReset() {
    }

    public static void run(EngineSettings settings) {
        String app = AppointmentStore.APPLICATION_ID;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", settings.bootstrapServers()))) {
            try {
                admin.deleteConsumerGroups(List.of(app)).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw new IllegalStateException("Cannot reset the views' offsets (are the views still running?): " + e.getCause().getMessage(), e);
                }
            }
            List<String> internal = admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith(app + "-") && (t.endsWith("-changelog") || t.endsWith("-repartition")))
                    .toList();
            if (!internal.isEmpty()) {
                admin.deleteTopics(internal).all().get();
            }
            log.info("Views reset: offsets and {} changelog topics of {} deleted", internal.size(), app);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot reset the views: " + e.getCause().getMessage(), e);
        }
        deleteRecursively(settings.stateDir().resolve("streams").resolve(app));
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
