package io.neuromesh.mqtt;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CredentialsTest {

    @Test
    void keepsThePasswordAsUtf8AndNeverShowsIt() {
        char[] typed = "s3cret-ü".toCharArray();
        Credentials credentials = Credentials.of("alice", typed);
        java.util.Arrays.fill(typed, '\0');
        assertArrayEquals("s3cret-ü".getBytes(StandardCharsets.UTF_8), credentials.password());
        assertEquals("Credentials[user=alice, password=(hidden)]", credentials.toString());
        LinkConfig config = MqttLink.builder().clientId("c").credentials(credentials).config();
        assertFalse(config.toString().contains("s3cret"), config.toString());
    }

    @Test
    void refusesAnEmptyPasswordOrAUserNameWithSpaces() {
        assertEquals("password: must not be empty (user 'alice')",
                assertThrows(IllegalArgumentException.class, () -> Credentials.of("alice", new char[0])).getMessage());
        assertEquals("user: must be 1-64 characters without spaces, got 'a b'",
                assertThrows(IllegalArgumentException.class, () -> Credentials.of("a b", "x".toCharArray()))
                        .getMessage());
    }
}
