package io.neuromesh.testkit.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on {@code 127.0.0.1} in front of a test broker that can hold back what the broker sends to its clients
 * (CONNACKs, PUBACKs, messages) while the clients' own bytes still reach the broker: a broker that is slow to
 * acknowledge, made on demand. Bytes are forwarded unchanged and in order.
 *
 * <p>Thread-safe; each connection uses two platform threads, ended by {@link #close()}.
 *
 * @since 0.1
 */
public final class HeldRepliesProxy implements AutoCloseable {

    private final int target;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private boolean holding;

    /**
     * Starts listening on a free port.
     *
     * @param target the broker's port on {@code 127.0.0.1}
     * @throws UncheckedIOException when no port can be opened
     */
    public HeldRepliesProxy(int target) {
        this.target = target;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("proxy: cannot listen on 127.0.0.1", e);
        }
        Thread.ofPlatform().daemon().name("proxy-accept-" + server.getLocalPort()).start(this::accept);
    }

    /** The URI clients connect to instead of the broker's. */
    public String uri() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
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
        closeQuietly(server);
        sockets.forEach(HeldRepliesProxy::closeQuietly);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket broker = new Socket(InetAddress.getLoopbackAddress(), target);
                client.setTcpNoDelay(true);
                broker.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(broker);
                String name = "proxy-" + client.getPort();
                Thread.ofPlatform().daemon().name(name + "-up").start(() -> copy(client, broker, false));
                Thread.ofPlatform().daemon().name(name + "-down").start(() -> copy(broker, client, true));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void copy(Socket from, Socket to, boolean held) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (held) {
                    awaitRelease();
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | InterruptedException ended) {
            // Either side closed: end both, as a real connection would.
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
            closeable.close();
        } catch (Exception ignored) {
            // Closing is best effort: the test is over.
        }
    }
}
