package io.neuromesh.testkit.broker;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FreePortsTest {

    @Test
    void neverHandsOutTheSamePortTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ports.add(FreePorts.next());
        }

        assertEquals(50, ports.size());
    }

    @Test
    void handsOutAPortThatCanBeBound() throws Exception {
        int port = FreePorts.next();

        try (ServerSocket socket = new ServerSocket()) {
            assertDoesNotThrow(() -> socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
        }
    }
}
