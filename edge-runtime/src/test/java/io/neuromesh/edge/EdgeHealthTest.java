package io.neuromesh.edge;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeHealthTest {

    @Test
    void healthyOnlyWhenConnectedAndRunningATopologyWithoutProblem() {
        assertTrue(new EdgeHealth(true, 3, Optional.empty()).ok());
        assertEquals(Optional.of("broker connection lost"), new EdgeHealth(false, 3, Optional.empty()).problem());
        assertEquals(Optional.of("no topology running yet"), new EdgeHealth(true, 0, Optional.empty()).problem());
        EdgeHealth stray = new EdgeHealth(true, 3, Optional.of("the retained topology rev 2 is not newer"));
        assertFalse(stray.ok());
        assertEquals(Optional.of("the retained topology rev 2 is not newer"), stray.problem());
    }

    @Test
    void aDiscoveryPrefixIsTopicLevelsWithoutWildcards() {
        assertEquals("ha/test", new HomeAssistant("ha/test", "1").prefix());
        for (String bad : new String[] {"", "home/#", "+", "/homeassistant", "homeassistant/"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HomeAssistant(bad, "1"));
            assertTrue(e.getMessage().startsWith("--ha-discovery: the prefix must be topic levels"), e.getMessage());
        }
    }
}
