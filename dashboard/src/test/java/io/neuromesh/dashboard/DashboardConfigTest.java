package io.neuromesh.dashboard;

import io.neuromesh.mqtt.Credentials;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardConfigTest {

    @Test
    void theDefaultsServeThisMachineOnlyOnPort8080WithoutALogin() {
        DashboardConfig config = Dashboard.builder().config();
        assertEquals(8080, config.port());
        assertEquals("127.0.0.1", config.bind());
        assertEquals(Access.OPEN, config.access());
        assertFalse(config.exposed());
    }

    @Test
    void aDashboardUserMeansVisitorsLogIn() {
        DashboardConfig config = Dashboard.builder().credentials(Credentials.of("dash", "pw".toCharArray()))
                .bind("0.0.0.0").config();
        assertEquals(Access.LOGIN, config.access());
        assertTrue(config.exposed());
    }

    @Test
    void badSettingsAreNamed() {
        assertEquals("port: must be 0 (any free port) to 65535, got 70000", assertThrows(IllegalArgumentException.class,
                () -> Dashboard.builder().port(70000).config()).getMessage());
        assertEquals("bind: must be an address such as 127.0.0.1 or 0.0.0.0, got ''", assertThrows(
                IllegalArgumentException.class, () -> Dashboard.builder().bind(" ").config()).getMessage());
        assertEquals("sessionIdle: must be a positive duration, got PT0S", assertThrows(IllegalArgumentException.class,
                () -> Dashboard.builder().sessionIdle(Duration.ZERO).config()).getMessage());
    }
}
