package io.neuromesh.broker;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmbeddedBrokerBuilderTest {

    private static final Path DATA = Path.of("/tmp", "neuromesh-builder-test");

    @Test
    void usesLoopbackPort1883ByDefault() {
        EmbeddedBroker broker = EmbeddedBroker.builder().dataDir(DATA).build();

        assertEquals(1883, broker.port());
        assertEquals("tcp://127.0.0.1:1883", broker.uri());
        assertEquals(DATA, broker.dataDir());
        assertFalse(broker.isRunning());
    }

    @Test
    void refusesAFileBrokerWithoutADataDir() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmbeddedBroker.builder().build());
        assertEquals("dataDir: a FILE broker needs a data folder, e.g. ~/.neuromesh/broker; or use persistence"
                + " IN_MEMORY", e.getMessage());
    }

    @Test
    void givesAWildcardBindAsLoopbackInTheUri() {
        EmbeddedBroker broker = EmbeddedBroker.builder().bind("0.0.0.0").port(1999).dataDir(DATA).build();

        assertEquals("tcp://127.0.0.1:1999", broker.uri());
    }

    @Test
    void putsAnIpv6BindInBrackets() {
        EmbeddedBroker broker = EmbeddedBroker.builder().bind("::1").port(1999).dataDir(DATA).build();

        assertEquals("tcp://[::1]:1999", broker.uri());
    }

    @Test
    void makesAnExplicitDataDirAbsolute() {
        EmbeddedBroker broker = EmbeddedBroker.builder().dataDir(Path.of("relative", "dir")).build();

        assertEquals(Path.of("relative", "dir").toAbsolutePath(), broker.dataDir());
    }

    @Test
    void refusesThePortOfAnAutoPortBrokerBeforeStart() {
        EmbeddedBroker broker = EmbeddedBroker.builder().port(0).dataDir(DATA).build();

        IllegalStateException e = assertThrows(IllegalStateException.class, broker::port);
        assertEquals("no port chosen yet: the broker was built with port 0, call start() first", e.getMessage());
        assertThrows(IllegalStateException.class, broker::uri);
    }

    @Test
    void refusesTheDataDirOfAnInMemoryBrokerBeforeStart() {
        EmbeddedBroker broker = EmbeddedBroker.builder().persistence(Persistence.IN_MEMORY).build();

        IllegalStateException e = assertThrows(IllegalStateException.class, broker::dataDir);
        assertEquals("no data directory yet: an in-memory broker creates it in start()", e.getMessage());
    }

    @Test
    void rejectsAPortAbove65535() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmbeddedBroker.builder().port(70000).build());
        assertEquals("port: must be between 0 and 65535, got 70000", e.getMessage());
    }

    @Test
    void rejectsANegativePort() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmbeddedBroker.builder().port(-1).build());
        assertEquals("port: must be between 0 and 65535, got -1", e.getMessage());
    }

    @Test
    void rejectsABindAddressWithSpaces() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmbeddedBroker.builder().bind("127.0.0.1 ").build());
        assertEquals("bind: must be an IP address or host name without spaces, got \"127.0.0.1 \"", e.getMessage());
    }

    @Test
    void rejectsAnEmptyBindAddress() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmbeddedBroker.builder().bind("").build());
        assertEquals("bind: must be an IP address or host name without spaces, got \"\"", e.getMessage());
    }

    @Test
    void rejectsAReceiveMaximumOfZero() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmbeddedBroker.builder().receiveMaximum(0).build());
        assertEquals("receiveMaximum: must be between 1 and 65535, got 0", e.getMessage());
    }

    @Test
    void rejectsAPacketSizeAboveTheMqttLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmbeddedBroker.builder().maxPacketSize(Integer.MAX_VALUE).build());
        assertEquals("maxPacketSize: must be between 1 and 268435460 bytes, got 2147483647", e.getMessage());
    }

    @Test
    void rejectsAZeroStartTimeout() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmbeddedBroker.builder().startTimeout(Duration.ZERO).build());
        assertEquals("startTimeout: must be positive, got PT0S", e.getMessage());
    }

    @Test
    void rejectsANullPersistence() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> EmbeddedBroker.builder().persistence(null).build());
        assertEquals("persistence: must not be null", e.getMessage());
    }
}
