package io.neuromesh.testkit.broker.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.BooleanSupplier;

/** Waits for a local listener by connecting to it. */
final class PortProbe {

    private static final int CONNECT_TIMEOUT_MS = 500;
    private static final long RETRY_PAUSE_MS = 20;

    private PortProbe() {
    }

    /**
     * @param port          a port on the loopback interface
     * @param deadlineNanos a {@link System#nanoTime()} value
     * @param stillWorth    checked between attempts; returning false ends the wait (the server process died)
     * @return whether a connection was accepted before the deadline
     */
    static boolean awaitAccepting(int port, long deadlineNanos, BooleanSupplier stillWorth)
            throws InterruptedException {
        InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        while (System.nanoTime() - deadlineNanos < 0 && stillWorth.getAsBoolean()) {
            try (Socket socket = new Socket()) {
                socket.connect(target, CONNECT_TIMEOUT_MS);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(RETRY_PAUSE_MS);
            }
        }
        return false;
    }
}
