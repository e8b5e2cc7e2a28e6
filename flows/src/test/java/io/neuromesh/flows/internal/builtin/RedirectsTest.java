package io.neuromesh.flows.internal.builtin;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RedirectsTest {

    private static final URI FROM = URI.create("http://Pi1.local/a/b");

    @Test
    void followsPathsOnTheSameOriginAndTheUpgradeToHttps() throws IOException {
        assertEquals(URI.create("http://Pi1.local/a/c"), Redirects.follow(FROM, "c"));
        assertEquals(URI.create("http://pi1.local:80/x"), Redirects.follow(FROM, "http://pi1.local:80/x"));
        assertEquals(URI.create("https://pi1.local/a/b"), Redirects.follow(FROM, "https://pi1.local/a/b"));
    }

    @Test
    void refusesOtherHostsPortsAndTheDowngrade() {
        for (String location : new String[] {"http://router.local/", "http://pi1.local:8080/", "//evil/x",
                "https://pi1.local:8443/"}) {
            assertThrows(IOException.class, () -> Redirects.follow(FROM, location), location);
        }
        assertThrows(IOException.class, () -> Redirects.follow(URI.create("https://pi1.local/"), "http://pi1.local/"));
    }
}
