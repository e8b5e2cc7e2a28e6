package io.neuromesh.edge.internal.presence;

import io.neuromesh.edge.internal.brain.BrainLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The watchdog on a real brain thread, with a short hang time: stuck, computing, waiting for the broker. */
class BrainWatchdogTest {

    private static final Duration PERIOD = Duration.ofMillis(20);
    private static final Duration HANG = Duration.ofMillis(150);

    private final BrainLoop loop = new BrainLoop("w1");
    private final AtomicInteger changes = new AtomicInteger();
    private final BrainWatchdog watchdog = new BrainWatchdog("w1", loop, PERIOD, Duration.ofSeconds(1), HANG,
            changes::incrementAndGet);

    @AfterEach
    void close() {
        watchdog.close();
        loop.close(Duration.ZERO);
    }

    @Test
    void aBrainBlockedWithoutProgressIsStuckUntilItRunsAgain() {
        loop.start(PERIOD);
        watchdog.start();
        CountDownLatch release = new CountDownLatch(1);
        loop.schedule(() -> block(release), 0);
        await().atMost(Duration.ofSeconds(5)).until(watchdog::stalled);
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> !watchdog.stalled());
        assertEquals(2, changes.get(), "stuck, then running again: each told once");
    }

    @Test
    void aBrainComputingOrWaitingForTheBrokerIsBusyNotStuck() throws Exception {
        loop.start(PERIOD);
        watchdog.start();
        CountDownLatch done = new CountDownLatch(2);
        long spinUntil = System.nanoTime() + HANG.multipliedBy(4).toNanos();
        loop.schedule(() -> {
            while (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            }
            done.countDown();
        }, 0);
        loop.schedule(() -> loop.awaitElsewhere(() -> {
            sleep(HANG.multipliedBy(3));
            done.countDown();
            return null;
        }), 0);
        // Both tasks together hold the brain for 7 hang times; the watchdog checks every 20 ms meanwhile.
        assertFalse(!done.await(10, TimeUnit.SECONDS) || watchdog.stalled(), "never stuck: " + changes.get());
        assertEquals(0, changes.get(), "nothing to tell");
    }

    private static void block(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
