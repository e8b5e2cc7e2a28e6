package io.neuromesh.testkit.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on {@code 127.0.0.1} in front of a test broker, standing for the network between a client and it. A
 * test can {@link #cut()} it (every relayed connection closes at once, both ends see the link drop, as when a router
 * reboots, and new ones are refused until {@link #restore()}, on the same port) or {@link #hold()} what the broker
 * sends (CONNACKs, PUBACKs, messages) while the clients' own bytes still reach it: a broker slow to acknowledge, on
 * demand. Bytes are forwarded unchanged and in order.
 *
 * <p>Thread-safe; each relayed connection uses two virtual threads, ended by {@link #cut()} or {@link #close()}.
 *
 * @since 0.2
 */
public final class TcpRelay implements AutoCloseable {

    private final int port = FreePorts.next();
    private final int target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private volatile ServerSocket server;
    private boolean holding;

    /**
     * Starts relaying.
     *
     * @param target the broker's port on {@code 127.0.0.1}
     * @throws UncheckedIOException when the relay's port cannot be opened
     */
    public TcpRelay(int target) {
        this.target = target;
        restore();
    }

    /** The relay's port on {@code 127.0.0.1}. */
    public int port() {
        return port;
    }

    /** The URI clients connect to instead of the broker's. */
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Accepts and relays connections again, on the same port. */
    public void restore() {
        try {
            ServerSocket listening = new ServerSocket();
            listening.setReuseAddress(true);
            listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = listening;
            Thread.ofVirtual().name("relay-accept-" + port).start(() -> accept(listening));
        } catch (IOException e) {
            throw new UncheckedIOException("relay: cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** Drops every relayed connection and refuses new ones. */
    public void cut() {
        closeQuietly(server);
        sockets.forEach(TcpRelay::closeQuietly);
        sockets.clear();
    }

    /** Refuses new connections; those relayed go on (a broker at its connection limit, as a client sees it). */
    public void refuseNew() {
        closeQuietly(server);
    }

    /** From now on, nothing the broker sends reaches a client until {@link #release()}. */
    public void hold() {
        synchronized (gate) {
            holding = true;
        }
    }

    /** Lets everything held and everything later through. */
    public void release() {
        synchronized (gate) {
            holding = false;
            gate.notifyAll();
        }
    }

    @Override
    public void close() {
        release();
        cut();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket broker = new Socket(InetAddress.getLoopbackAddress(), target);
                client.setTcpNoDelay(true);
                broker.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(broker);
                Thread.ofVirtual().start(() -> pipe(client, broker, false));
                Thread.ofVirtual().start(() -> pipe(broker, client, true));
            } catch (IOException e) {
                // Closed by cut(), or the broker refused: the client retries by itself.
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean fromBroker) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (fromBroker) {
                    awaitRelease();
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | InterruptedException e) {
            // One side went away (or the relay was cut): close both below, as a real connection would.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void awaitRelease() throws InterruptedException {
        synchronized (gate) {
            while (holding) {
                gate.wait();
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            // Closing is best effort in a test relay.
        }
    }
}
