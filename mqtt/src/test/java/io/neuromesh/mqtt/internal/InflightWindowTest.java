package io.neuromesh.mqtt.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class InflightWindowTest {

    private final InflightWindow window = new InflightWindow();

    @Test
    void aCompletionAfterTheTicketIsNeverLost() {
        long ticket = window.ticket();
        window.released();
        long started = System.nanoTime();
        window.awaitReleaseSince(ticket);
        // The release happened before the wait began: it must return at once, not after MAX_WAIT.
        assertTrue(System.nanoTime() - started < InflightWindow.MAX_WAIT.toNanos() / 2, "returned at once");
    }

    @Test
    void aWaitingPublisherWakesOnTheNextCompletion() throws Exception {
        long ticket = window.ticket();
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch woke = new CountDownLatch(1);
        Thread publisher = Thread.ofPlatform().start(() -> {
            waiting.countDown();
            // Loop as the publisher does: a MAX_WAIT timeout alone would not count down before the release.
            while (window.ticket() == ticket) {
                window.awaitReleaseSince(ticket);
            }
            woke.countDown();
        });
        waiting.await();
        window.released();
        assertTrue(woke.await(5, TimeUnit.SECONDS), "woken by the completion");
        publisher.join();
    }

    @Test
    void outstandingCountsWhatWasHandedAndNotReleasedEvenWhenACompletionOvertakesItsHandOver() {
        window.handed();
        window.handed();
        assertEquals(2, window.outstanding());
        window.released();
        // Paho may complete a publish before the publisher counts it as handed over.
        window.released();
        window.released();
        assertEquals(-1, window.outstanding());
        window.handed();
        assertEquals(0, window.outstanding());
    }

    @Test
    void aWaitWithoutCompletionsIsBounded() {
        long started = System.nanoTime();
        window.awaitReleaseSince(window.ticket());
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(waited.compareTo(InflightWindow.MAX_WAIT) >= 0 && waited.compareTo(Duration.ofSeconds(5)) < 0,
                "waited about MAX_WAIT (a lost connection completes nothing): " + waited);
    }
}
