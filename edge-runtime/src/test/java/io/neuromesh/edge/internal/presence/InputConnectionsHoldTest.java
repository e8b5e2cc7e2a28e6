package io.neuromesh.edge.internal.presence;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputConnectionsHoldTest {

    private final AtomicBoolean up = new AtomicBoolean(false);

    @Test
    void holdsNothingUntilTheNodesOwnConnectionReconnects() {
        InputConnectionsHold hold = new InputConnectionsHold("n1", up::get, Duration.ofHours(1));
        assertFalse(hold.holds(), "an input connection that drops alone does not silence an online node");
        assertFalse(hold.holding());
    }

    @Test
    void aReconnectIsHeldUntilEveryInputConnectionIsBack() {
        InputConnectionsHold hold = new InputConnectionsHold("n1", up::get, Duration.ofHours(1));
        hold.reconnected();
        assertTrue(hold.holding());
        assertTrue(hold.holds());
        assertTrue(hold.holds(), "still away");
        up.set(true);
        assertFalse(hold.holds());
        assertFalse(hold.holding(), "ended: the next drop of an input connection alone holds nothing");
        up.set(false);
        assertFalse(hold.holds());
    }

    @Test
    void aReconnectWhoseInputConnectionsAreUpIsNotHeld() {
        up.set(true);
        InputConnectionsHold hold = new InputConnectionsHold("n1", up::get, Duration.ofHours(1));
        hold.reconnected();
        assertFalse(hold.holds());
    }

    @Test
    void theHoldEndsAtItsLimitThoughAnInputConnectionIsStillAway() {
        InputConnectionsHold hold = new InputConnectionsHold("n1", up::get, Duration.ZERO);
        hold.reconnected();
        assertFalse(hold.holds(), "past the limit the node says online (and warns)");
        assertFalse(hold.holding());
    }
}
