package io.neuromesh.edge.internal.brain;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Events that supersede each other while the brain thread is busy reach it once. */
class BrainLoopTest {

    private final BrainLoop loop = new BrainLoop("n1");
    private final List<BrainEvent> handled = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        loop.close(Duration.ofSeconds(1));
    }

    @Test
    void whileTheBrainIsBusyPeersReportsCoalesceAndOnlyTheNewestMembershipArrives() {
        loop.handler(event -> {
            if (event instanceof BrainEvent.Query query) {
                query.task().run();
            } else {
                handled.add(event);
            }
        });
        CountDownLatch busy = new CountDownLatch(1);
        loop.schedule(() -> {
            try {
                busy.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 0);
        AtomicBoolean peersQueued = new AtomicBoolean();
        AtomicReference<BrainEvent> membership = new AtomicReference<>();
        for (int nodes = 1; nodes <= 10; nodes++) {
            loop.postOnce(peersQueued, new BrainEvent.PeersReported());
            loop.postLatest(membership, members(nodes));
        }
        busy.countDown();
        // The brain runs what was queued in order; a marker posted last has run once everything before it has.
        loop.call(() -> null);

        assertEquals(List.of(new BrainEvent.PeersReported(), members(10)), handled);
        loop.postOnce(peersQueued, new BrainEvent.PeersReported());
        loop.postLatest(membership, members(9));
        loop.call(() -> null);
        assertEquals(List.of(new BrainEvent.PeersReported(), members(10), new BrainEvent.PeersReported(), members(9)),
                handled, "once handled, the next ones are posted again");
    }

    private static BrainEvent.MembershipChanged members(int count) {
        TreeSet<String> nodes = new TreeSet<>();
        for (int i = 1; i <= count; i++) {
            nodes.add("n" + i);
        }
        return new BrainEvent.MembershipChanged(nodes);
    }
}
