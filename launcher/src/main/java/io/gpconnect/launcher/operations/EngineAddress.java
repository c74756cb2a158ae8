package io.gpconnect.launcher.operations;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a running {@code serve} can be reached, written to {@code <data dir>/engine.properties} while it runs.
 * The embedded broker and registry listen on ports chosen at start, so the operations commands find them
 * here rather than being told.
 */
public record EngineAddress(String bootstrapServers, String registryUrl, String serviceRoot) {
    public static final String FILE = "engine.properties";

    public static Path file(Path dataDir) {
        return dataDir.resolve(FILE);
    }

    public void write(Path dataDir) {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", bootstrapServers);
        p.setProperty("registry.url", registryUrl);
        p.setProperty("service.root", serviceRoot);
        p.setProperty("pid", String.valueOf(ProcessHandle.current().pid()));
        try (Writer out = Files.newBufferedWriter(file(dataDir))) {
            p.store(out, "Written by ./gpconnect serve while it runs; read by the operations commands");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file(dataDir), e);
        }
    }

    public static Optional<EngineAddress> read(Path dataDir) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file(dataDir))) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file(dataDir), e);
        }
        String bootstrap = p.getProperty("bootstrap.servers");
        return bootstrap == null ? Optional.empty()
                : Optional.of(new EngineAddress(bootstrap, p.getProperty("registry.url"), p.getProperty("service.root")));
    }

    /** Removed when serve stops: a stale address would send the commands to a broker that is gone. */
    public static void remove(Path dataDir) {
        try {
            Files.deleteIfExists(file(dataDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
