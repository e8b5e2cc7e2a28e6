package io.neuromesh.edge.wire;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Work over a hosted list done once per list, never for an equal list that is another object, never kept when it failed. */
class ListMemoTest {

    @Test
    void computesOncePerListIdentity() {
        ListMemo<Integer> memo = new ListMemo<>();
        AtomicInteger computed = new AtomicInteger();
        List<String> held = List.of("a", "b");
        assertEquals(2, memo.get(held, list -> computed.incrementAndGet() + 1));
        assertEquals(2, memo.get(held, list -> computed.incrementAndGet() + 1));
        assertEquals(1, computed.get());
        // An equal list that is another object may differ tomorrow (it is someone else's): computed for itself.
        assertEquals(3, memo.get(new ArrayList<>(held), list -> computed.incrementAndGet() + 1));
    }

    @Test
    void remembersNothingWhenTheComputationFails() {
        ListMemo<Boolean> memo = new ListMemo<>();
        List<String> bad = List.of("ok", "not ok");
        for (int i = 0; i < 2; i++) {
            assertThrows(IllegalArgumentException.class, () -> memo.get(bad, list -> {
                throw new IllegalArgumentException("bad");
            }));
        }
    }

    @Test
    void aStatusChecksItsHostedIdsOnlyOncePerList() {
        List<String> hosted = List.of("x", "y");
        NodeStatus first = NodeStatus.live(NodeState.ONLINE, "n1", hosted, Instant.EPOCH, running());
        NodeStatus second = NodeStatus.live(NodeState.ONLINE, "n1", first.neurons(), Instant.EPOCH, running());
        assertSame(hosted, second.neurons());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                NodeStatus.live(NodeState.ONLINE, "n1", List.of("x", "no spaces"), Instant.EPOCH, running()));
        assertEquals("neurons[1]: ", e.getMessage().substring(0, "neurons[1]: ".length()));
    }

    private static NodeStatus.Running running() {
        return new NodeStatus.Running("3f2a", 1, "1a26", Instant.EPOCH, 0, 0, 31, 6028, 0, 0, Optional.empty());
    }
}
