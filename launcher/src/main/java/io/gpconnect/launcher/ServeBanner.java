package io.gpconnect.launcher;

import java.util.Optional;

/**
 * The lines `serve` prints once it answers, and their reading by whoever started it as a child process (the
 * bench's engines, the fault tests): where its service root, broker and registry are.
 */
public final class ServeBanner {
    private static final String ROOT = "GP Connect service root: ";
    private static final String KAFKA = "Kafka: ";
    private static final String REGISTRY = "  schema registry: ";

    /** Where a started serve answers. */
    public record Ready(String serviceRoot, String bootstrapServers, String registryUrl) {
    }

    private String root;

    static String rootLine(String serviceRoot) {
        return ROOT + serviceRoot;
    }

    static String kafkaLine(String bootstrapServers, String registryUrl) {
        return KAFKA + bootstrapServers + REGISTRY + registryUrl;
    }

    /** One line of serve's output, in order; the addresses once the banner is complete. */
    public Optional<Ready> read(String line) {
        if (line.startsWith(ROOT)) {
            root = line.substring(ROOT.length()).trim();
        } else if (line.startsWith(KAFKA) && root != null) {
            String[] kafka = line.substring(KAFKA.length()).split(REGISTRY, 2);
            if (kafka.length == 2) {
                return Optional.of(new Ready(root, kafka[0].trim(), kafka[1].trim()));
            }
        }
        return Optional.empty();
    }
}
