package io.gpconnect.bench.target;

import java.net.URI;
import java.util.OptionalLong;

/**
 * A running engine as the bench reaches it: the HTTP origin and provider ASID for consumer traffic, the Kafka
 * bootstrap and registry for the command-rate run, and the process id when its memory can be read.
 */
public record Target(URI origin, String demoOds, String providerAsid, String bootstrapServers, String registryUrl,
                     OptionalLong pid, String description) {

    /** From a demo service root such as http://127.0.0.1:8080/A20047/STU3/1/gpconnect. */
    public static Target of(String serviceRoot, String providerAsid, String bootstrapServers, String registryUrl, OptionalLong pid,
                            String description) {
        URI root = URI.create(serviceRoot);
        if (!"127.0.0.1".equals(root.getHost()) && !"localhost".equals(root.getHost())) {
            throw new IllegalArgumentException("The bench only ever loads 127.0.0.1, not " + root.getHost());
        }
        String[] path = root.getPath().split("/");
        if (path.length < 2 || path[1].isBlank()) {
            throw new IllegalArgumentException("Not a GP Connect service root: " + serviceRoot);
        }
        URI origin = URI.create(root.getScheme() + "://" + root.getHost() + ":" + root.getPort());
        return new Target(origin, path[1], providerAsid, bootstrapServers, registryUrl, pid, description);
    }
}
