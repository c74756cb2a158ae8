package io.gpconnect.launcher;

import io.gpconnect.slots.SlotProjection;
import io.gpconnect.store.AppointmentStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slot projection's stores, read by key, compact after 10 flushed files; the views', whose searches scan
 * ranges, keep RocksDB's 4. Read from the OPTIONS files RocksDB writes for every open store of the engine.
 */
class RocksDbCompactionTest {
    private static final Pattern TRIGGER = Pattern.compile("level0_file_num_compaction_trigger=(\\d+)");

    @Test
    void theProjectionsStoresCompactLessOftenThanTheViews() throws IOException {
        Path streams = SharedEngine.get().settings().stateDir().resolve("streams");

        assertThat(triggers(streams.resolve(SlotProjection.APPLICATION_ID))).isNotEmpty().containsOnly(10);
        assertThat(triggers(streams.resolve(AppointmentStore.APPLICATION_ID))).isNotEmpty().containsOnly(4);
    }

    private static List<Integer> triggers(Path application) throws IOException {
        try (Stream<Path> files = Files.walk(application)) {
            return files.filter(f -> f.getFileName().toString().startsWith("OPTIONS-")).map(f -> {
                try {
                    Matcher m = TRIGGER.matcher(Files.readString(f));
                    return m.find() ? Integer.parseInt(m.group(1)) : -1;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
