package io.neuromesh.broker.internal;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class MosquittoConfigTest {

    private final List<String> lines = MosquittoConfig.render(41883, Path.of("/tmp/broker"), "tester").lines()
            .toList();

    @Test
    void listensOnLoopbackOnly() {
        assertTrue(lines.contains("listener 41883 127.0.0.1"), lines::toString);
    }

    @Test
    void allowsAnonymousClients() {
        assertTrue(lines.contains("allow_anonymous true"), lines::toString);
    }

    @Test
    void turnsNagleOff() {
        assertTrue(lines.contains("set_tcp_nodelay true"), lines::toString);
    }

    @Test
    void persistsIntoTheFolderWithATrailingSeparator() {
        assertTrue(lines.contains("persistence true"), lines::toString);
        assertTrue(lines.contains("persistence_location /tmp/broker/"), lines::toString);
    }

    @Test
    void allowsAsManyMessagesInFlightAsTheEmbeddedBroker() {
        assertTrue(lines.contains("max_inflight_messages 1000"), lines::toString);
    }

    @Test
    void staysTheCurrentUserWhenStartedAsRoot() {
        assertTrue(lines.contains("user tester"), lines::toString);
    }
}
