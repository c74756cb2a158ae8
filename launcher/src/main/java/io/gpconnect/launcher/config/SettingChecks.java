package io.gpconnect.launcher.config;

import io.gpconnect.kafka.embedded.LocalBroker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Checks of start-up settings, made before anything starts: a typo should cost the operator one clear line,
 * not a stack trace from deep inside Kafka or Jetty half a minute later.
 */
public final class SettingChecks {
    /** ODS organisation codes: upper-case letters and digits, e.g. A20047, RNR01, GPCA0001. */
    private static final Pattern ODS_CODE = Pattern.compile("[A-Z0-9]{3,10}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]");

    private SettingChecks() {
    }

    /** 0 means "any free port". */
    public static int port(String option, int port) {
        if (port < 0 || port > 65535) {
            throw new InvalidSettingException(option + " " + port + " is out of range: a port is 1-65535 (0 for any free port)");
        }
        return port;
    }

    /**
     * Whether the HTTP port can be bound, asked before the engine starts: found only when the facade binds, a port
     * in use cost a broker start and ended in a stack trace. Bound as Jetty binds it (address reuse on).
     */
    public static int freePort(String option, String host, int port) {
        if (port == 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new InvalidSettingException(option + " " + port + " is in use on " + host + ": stop what holds it, or choose another " + option);
        }
        return port;
    }

    public static String host(String option, String host) {
        if (host == null || !HOST.matcher(host).matches()) {
            throw new InvalidSettingException(option + " '" + host + "' is not a host name or IP address");
        }
        return host;
    }

    public static <C extends Collection<String>> C odsCodes(String option, C codes) {
        if (codes.isEmpty()) {
            throw new InvalidSettingException(option + " names no practice: give at least one ODS code, e.g. A20047");
        }
        for (String code : codes) {
            if (code == null || !ODS_CODE.matcher(code).matches()) {
                throw new InvalidSettingException(option + " '" + code
                        + "' is not an ODS code: 3 to 10 upper-case letters and digits, e.g. A20047");
            }
        }
        return codes;
    }

    public static long positive(String option, long value) {
        if (value <= 0) {
            throw new InvalidSettingException(option + " must be greater than 0, not " + value);
        }
        return value;
    }

    public static LocalBroker.Placement brokerPlacement(String option, String value) {
        try {
            return LocalBroker.Placement.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(option + " is process or in-process, not " + value);
        }
    }

    /** Creates the directory if need be, and proves it writable by writing to it. */
    public static Path writableDirectory(String option, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new InvalidSettingException(option + " " + dir + " cannot be created: " + reason(e));
        }
        try {
            Files.delete(Files.createTempFile(dir, ".gpconnect-write-check", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new InvalidSettingException(option + " " + dir + " is not writable: " + reason(e));
        }
        return dir;
    }

    /** Kafka's bootstrap.servers: a comma-separated list of host:port. */
    public static String bootstrapServers(String option, String list) {
        if (list == null || list.isBlank()) {
            throw new InvalidSettingException(option + " is empty: give host:port[,host:port…]");
        }
        for (String entry : list.split(",", -1)) {
            String server = entry.trim();
            int colon = server.lastIndexOf(':');
            boolean valid = colon > 0 && HOST.matcher(server.substring(0, colon)).matches()
                    && validPort(server.substring(colon + 1));
            if (!valid) {
                throw new InvalidSettingException(option + " '" + list + "' is malformed at '" + server
                        + "': give host:port[,host:port…], e.g. kafka-1:9092,kafka-2:9092");
            }
        }
        return list;
    }

    /** The registry's API URL: absolute http(s) with a host. */
    public static String httpUrl(String option, String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidSettingException(option + " '" + url + "' is not an http(s) URL with a host, e.g. http://registry:8080/apis/registry/v3");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(option + " '" + url + "' is not a URL: " + e.getReason());
        }
    }

    private static boolean validPort(String s) {
        if (!s.matches("\\d{1,5}")) {
            return false;
        }
        int port = Integer.parseInt(s);
        return port >= 1 && port <= 65535;
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
}
