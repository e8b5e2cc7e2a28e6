package io.neuromesh.broker.internal;

import io.neuromesh.broker.BrokerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class ListenersTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void reportsAPortInUseInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, LOOPBACK)) {
            int port = taken.getLocalPort();

            BrokerException e = assertThrows(BrokerException.class,
                    () -> Listeners.checkBindable("127.0.0.1", LOOPBACK, port));
            assertEquals("port " + port + " on 127.0.0.1 is already in use", e.getMessage());
        }
    }

    @Test
    void acceptsAFreePort() {
        int port = Listeners.pickFreePort(LOOPBACK);

        assertDoesNotThrow(() -> Listeners.checkBindable("127.0.0.1", LOOPBACK, port));
    }

    @Test
    void reportsAnUnresolvableBindAddress() {
        BrokerException e = assertThrows(BrokerException.class, () -> Listeners.resolve("no-such-host.invalid"));
        assertEquals("bind address no-such-host.invalid cannot be resolved", e.getMessage());
    }

    @Test
    void connectsToLoopbackForAWildcardAddress() throws Exception {
        InetAddress any = InetAddress.getByName("0.0.0.0");

        assertEquals(LOOPBACK, Listeners.connectAddress(any));
        assertEquals(LOOPBACK.getHostAddress(), Listeners.uriHost("0.0.0.0", any));
    }

    @Test
    void findsAListenerThatAcceptsConnections() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, LOOPBACK)) {
            InetSocketAddress target = new InetSocketAddress(LOOPBACK, listener.getLocalPort());

            assertTrue(Listeners.awaitAccepting(target, System.nanoTime() + 5_000_000_000L));
        }
    }

    @Test
    void givesUpOnAClosedPortAtTheDeadline() throws Exception {
        InetSocketAddress target = new InetSocketAddress(LOOPBACK, Listeners.pickFreePort(LOOPBACK));

        assertFalse(Listeners.awaitAccepting(target, System.nanoTime() + 300_000_000L));
    }
}
