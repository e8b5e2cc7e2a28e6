package io.neuromesh.broker.internal;

import io.neuromesh.broker.BrokerException;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Socket checks around the listener: HiveMQ neither reports which port it bound for port 0 nor fails its start
 * cleanly when the port is taken, so we choose the port, check it before the start and probe it afterwards.
 */
final class Listeners {

    private static final Duration CONNECT_ATTEMPT = Duration.ofMillis(500);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(20);

    private Listeners() {
    }

    /**
     * @throws BrokerException if the address cannot be resolved
     */
    static InetAddress resolve(String bind) {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new BrokerException("bind address " + bind + " cannot be resolved", e);
        }
    }

    /** A port that was free on {@code address} a moment ago. */
    static int pickFreePort(InetAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new BrokerException("cannot find a free port on " + address.getHostAddress() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Binds and releases {@code port} the way HiveMQ will bind it.
     *
     * @throws BrokerException if that fails, with a one-line reason
     */
    static void checkBindable(String bind, InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
        } catch (BindException e) {
            if (String.valueOf(e.getMessage()).contains("in use")) {
                throw new BrokerException("port " + port + " on " + bind + " is already in use", e);
            }
            throw new BrokerException("cannot listen on " + bind + " port " + port + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BrokerException("cannot listen on " + bind + " port " + port + ": " + e.getMessage(), e);
        }
    }

    /** Where a local client reaches a listener bound to {@code address}: loopback for a wildcard address. */
    static InetAddress connectAddress(InetAddress address) {
        return address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : address;
    }

    /** The host part of a URI for {@code address}, with brackets around an IPv6 literal. */
    static String uriHost(String bind, InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return InetAddress.getLoopbackAddress().getHostAddress();
        }
        return address instanceof Inet6Address && bind.contains(":") ? "[" + bind + "]" : bind;
    }

    /**
     * Connects to the listener until a connection succeeds or the deadline passes.
     *
     * @param deadlineNanos a {@link System#nanoTime()} value
     * @return whether a TCP connection was accepted
     */
    static boolean awaitAccepting(InetSocketAddress target, long deadlineNanos) throws InterruptedException {
        while (true) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            int attemptMs = (int) Math.max(1, Math.min(CONNECT_ATTEMPT.toMillis(), remaining / 1_000_000));
            try (Socket socket = new Socket()) {
                socket.connect(target, attemptMs);
                return true;
            } catch (IOException refused) {
                Thread.sleep(RETRY_PAUSE);
            }
        }
    }
}
