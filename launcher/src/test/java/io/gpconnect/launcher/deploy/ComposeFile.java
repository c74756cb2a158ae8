package io.gpconnect.launcher.deploy;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * docker-compose.yml as plain data (YAML anchors and merge keys resolved by SnakeYAML), with the few typed
 * views the checks need. Knows the Compose file format, nothing about this project.
 */
final class ComposeFile {
    private final Map<String, Object> root;

    private ComposeFile(Map<String, Object> root) {
        this.root = root;
    }

    static ComposeFile read(Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            return new ComposeFile(new Yaml().load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Set<String> serviceNames() {
        return map(root.get("services")).keySet();
    }

    Set<String> declaredVolumes() {
        Object volumes = root.get("volumes");
        return volumes == null ? Set.of() : map(volumes).keySet();
    }

    Service service(String name) {
        Object s = map(root.get("services")).get(name);
        if (s == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return new Service(name, map(s));
    }

    List<Service> services() {
        return serviceNames().stream().map(this::service).toList();
    }

    record Service(String name, Map<String, Object> spec) {
        String image() {
            return (String) spec.get("image");
        }

        /** Environment as a map whether the file writes a map or a list of NAME=value. */
        Map<String, String> environment() {
            Object env = spec.get("environment");
            Map<String, String> out = new LinkedHashMap<>();
            if (env instanceof Map<?, ?> m) {
                m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
            } else if (env instanceof List<?> l) {
                for (Object entry : l) {
                    String[] kv = String.valueOf(entry).split("=", 2);
                    out.put(kv[0], kv.length > 1 ? kv[1] : null);
                }
            }
            return out;
        }

        /** depends_on targets and their conditions ("service_started" for the short list form). */
        Map<String, String> dependsOn() {
            Object deps = spec.get("depends_on");
            Map<String, String> out = new LinkedHashMap<>();
            if (deps instanceof Map<?, ?> m) {
                m.forEach((k, v) -> out.put(String.valueOf(k),
                        v instanceof Map<?, ?> c && c.get("condition") != null ? String.valueOf(c.get("condition")) : "service_started"));
            } else if (deps instanceof List<?> l) {
                l.forEach(d -> out.put(String.valueOf(d), "service_started"));
            }
            return out;
        }

        /** Short-syntax volume mounts, source → target. */
        Map<String, String> volumes() {
            Map<String, String> out = new LinkedHashMap<>();
            Object v = spec.get("volumes");
            if (v instanceof List<?> l) {
                for (Object mount : l) {
                    String[] parts = String.valueOf(mount).split(":");
                    out.put(parts[0], parts[1]);
                }
            }
            return out;
        }

        List<String> command() {
            return strings(spec.get("command"));
        }

        /** The healthcheck's test as one string, or null when there is none. */
        String healthcheck() {
            Object h = spec.get("healthcheck");
            if (!(h instanceof Map<?, ?> m) || m.get("test") == null) {
                return null;
            }
            return String.join(" ", strings(m.get("test")));
        }

        /** Container ports of "host:container" mappings. */
        List<Integer> containerPorts() {
            return strings(spec.get("ports")).stream()
                    .map(p -> Integer.parseInt(p.substring(p.lastIndexOf(':') + 1).replace("/tcp", "")))
                    .toList();
        }

        Object build() {
            return spec.get("build");
        }

        Object restart() {
            return spec.get("restart");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        } else if (o != null) {
            out.add(String.valueOf(o));
        }
        return out;
    }
}
