package io.gpconnect.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The two ports a local broker listens on, clients' and its controller's, on 127.0.0.1: chosen once, so that a
 * restarted broker comes back where its clients last saw it.
 */
record Listeners(int broker, int controller) {

    /** The broker's port as given (0: any free one), and a free controller port beside it. */
    static Listeners choose(int brokerPort) {
        int broker = brokerPort == 0 ? freePort() : brokerPort;
        int controller;
        do {
            controller = freePort();
        } while (controller == broker);
        return new Listeners(broker, controller);
    }

    String bootstrapServers() {
        return "127.0.0.1:" + broker;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
