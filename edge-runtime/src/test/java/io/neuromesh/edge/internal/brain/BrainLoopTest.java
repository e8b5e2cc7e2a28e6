package io.neuromesh.edge.internal.brain;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Events that supersede each other while the brain thread is busy reach it once; an offered event is handled on the
 * offering thread only when the brain is idle and the handler allows it, and never ahead of what was posted before.
 */
@Timeout(10)
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
        }, event -> false);
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

    @Test
    void anEventWhoseHandlingThrowsIsCountedAndTheNextOnesAreHandled() {
        LongAdder failures = new LongAdder();
        BrainLoop counting = new BrainLoop("n2", failures);
        try {
            counting.handler(event -> {
                if (event instanceof BrainEvent.PeersReported) {
                    throw new IllegalStateException("subscribe failed: timed out");
                }
                handled.add(event);
            }, event -> false);
            counting.post(new BrainEvent.PeersReported());
            counting.post(members(2));
            counting.schedule(() -> {
                throw new IllegalStateException("a scheduled task failed");
            }, 1_000);
            await().atMost(Duration.ofSeconds(5)).until(() -> failures.sum() == 2);
            assertEquals(List.of(members(2)), handled, "the event after the failed one was handled");
        } finally {
            counting.close(Duration.ofSeconds(1));
        }
    }

    private static BrainEvent.MembershipChanged members(int count) {
        TreeSet<String> nodes = new TreeSet<>();
        for (int i = 1; i <= count; i++) {
            nodes.add("n" + i);
        }
        return new BrainEvent.MembershipChanged(nodes);
    }

    // ---- offer: handled on arrival when the brain is idle -----------------------------------------------------------

    private final List<String> names = new CopyOnWriteArrayList<>();

    private static BrainEvent named(String name) {
        return new BrainEvent.VirtualSensorSet(name, 0);
    }

    private static String name(BrainEvent event) {
        return ((BrainEvent.VirtualSensorSet) event).sensor();
    }

    @Test
    void anOfferedEventIsHandledOnTheOfferingThreadWhenTheBrainIsIdle() {
        loop.handler(e -> names.add(name(e) + "@" + Thread.currentThread().getName()), e -> true);

        loop.offer(named("a"));

        assertEquals(List.of("a@" + Thread.currentThread().getName()), names);
    }

    @Test
    void anOfferedEventTheHandlerKeepsForTheBrainThreadIsPosted() {
        // As a discrete-time topology's inputs: they stay on the brain thread even when it is idle.
        loop.handler(e -> names.add(name(e) + (loop.onBrainThread() ? "@brain" : "@here")), e -> false);

        loop.offer(named("ticked"));

        await().atMost(Duration.ofSeconds(5)).until(() -> names.size() == 1);
        assertEquals(List.of("ticked@brain"), names);
    }

    @Test
    void anOfferedEventQueuesBehindWhatWasPostedBeforeAndKeepsTheOrder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        loop.handler(e -> {
            if (name(e).equals("slow")) {
                running.countDown();
                awaitLatch(release);
            }
            names.add(name(e) + (loop.onBrainThread() ? "@brain" : "@here"));
        }, e -> true);

        loop.post(named("slow"));
        assertTrue(running.await(5, TimeUnit.SECONDS));
        loop.offer(named("next"));
        assertEquals(List.of(), names, "the offer did not overtake the running event nor wait for it");
        release.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> names.size() == 2);
        assertEquals(List.of("slow@brain", "next@brain"), names);
    }

    @Test
    void anOfferedEventQueuesBehindATaskScheduledToRunNow() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        loop.handler(e -> names.add(name(e) + (loop.onBrainThread() ? "@brain" : "@here")), e -> true);

        loop.schedule(() -> {
            awaitLatch(release);
            names.add("task");
        }, 0);
        loop.offer(named("next"));
        release.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> names.size() == 2);
        assertEquals(List.of("task", "next@brain"), names);
    }

    @Test
    void anEventOfferedWhileHandlingOneIsPostedNotNested() {
        loop.handler(e -> {
            if (name(e).equals("outer")) {
                loop.offer(named("inner"));
            }
            names.add(name(e));
        }, e -> true);

        loop.offer(named("outer"));

        await().atMost(Duration.ofSeconds(5)).until(() -> names.size() == 2);
        assertEquals(List.of("outer", "inner"), names);
        assertFalse(loop.onBrainThread());
    }

    @Test
    void tasksAnEventHandledOnArrivalSchedulesToRunNowRunAfterItOnTheSameThreadInOrder() {
        String here = Thread.currentThread().getName();
        loop.handler(e -> {
            names.add(name(e) + "@" + Thread.currentThread().getName());
            loop.schedule(() -> {
                names.add("first@" + Thread.currentThread().getName());
                loop.schedule(() -> names.add("third@" + Thread.currentThread().getName()), 0);
            }, 0);
            loop.schedule(() -> names.add("second@" + Thread.currentThread().getName()), 0);
        }, e -> true);

        loop.offer(named("a"));

        assertEquals(List.of("a@" + here, "first@" + here, "second@" + here, "third@" + here), names);
    }

    @Test
    void aLocalCycleOfTasksMovesToTheBrainThreadInOrderAfterABoundedNumber() {
        // A task that schedules itself forever, as two neurons of this node that keep exciting each other.
        List<Boolean> onBrain = new CopyOnWriteArrayList<>();
        Runnable[] cycle = new Runnable[1];
        cycle[0] = () -> {
            onBrain.add(loop.onBrainThread());
            if (onBrain.size() < 200) {
                loop.schedule(cycle[0], 0);
            }
        };
        loop.handler(e -> loop.schedule(cycle[0], 0), e -> true);

        loop.offer(named("a"));

        await().atMost(Duration.ofSeconds(5)).until(() -> onBrain.size() == 200);
        int here = onBrain.indexOf(true);
        assertTrue(here > 0 && here <= 64, "ran on the offering thread first, then moved: " + here);
        assertFalse(onBrain.subList(here, onBrain.size()).contains(false), "once moved, stays on the brain thread");
    }

    @Test
    void workForTheBrainThreadGoesThereEvenFromAnEventHandledOnArrival() {
        loop.handler(e -> loop.toBrainThread(() -> names.add("flush" + (loop.onBrainThread() ? "@brain" : "@here"))),
                e -> true);

        loop.offer(named("a"));

        await().atMost(Duration.ofSeconds(5)).until(() -> names.size() == 1);
        assertEquals(List.of("flush@brain"), names);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
