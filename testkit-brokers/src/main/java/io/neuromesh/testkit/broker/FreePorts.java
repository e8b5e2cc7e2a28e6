package io.neuromesh.testkit.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free TCP ports on the loopback interface for test servers.
 *
 * @since 0.1
 */
public final class FreePorts {

    private static final int ATTEMPTS = 100;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /**
     * A port that was free on {@code 127.0.0.1} a moment ago and that this method has not returned before in this
     * JVM, so two brokers of one test run never get the same port even after the first one stopped.
     *
     * @return a port number, 1024–65535
     * @throws IllegalStateException if the system keeps handing out ports this JVM has used already
     * @throws UncheckedIOException  if no socket can be bound at all
     */
    public static int next() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = probe();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no unused free port after " + ATTEMPTS + " attempts");
    }

    private static int probe() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a socket on the loopback interface", e);
        }
    }
}
