package io.neuromesh.gpio.internal.debounce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.neuromesh.gpio.internal.event.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebouncerTest {

    private static final Duration WINDOW = Duration.ofMillis(20);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<Boolean> reported = new ArrayList<>();

    @Test
    void aBurstOfBouncesInsideTheWindowYieldsExactlyOneChange() {
        Debouncer debouncer = new Debouncer(false, WINDOW, scheduler, reported::add);
        for (int i = 0; i < 7; i++) {
            debouncer.onRawLevel(i % 2 == 0);
            scheduler.advance(Duration.ofMillis(2));
        }
        assertEquals(List.of(), reported, "nothing before the level has been stable for the window");

        scheduler.advance(WINDOW);

        assertEquals(List.of(true), reported);
    }

    @Test
    void theWindowRestartsAtEveryEdge() {
        Debouncer debouncer = new Debouncer(false, WINDOW, scheduler, reported::add);
        debouncer.onRawLevel(true);
        scheduler.advance(Duration.ofMillis(15));
        debouncer.onRawLevel(false);
        debouncer.onRawLevel(true);
        scheduler.advance(Duration.ofMillis(19));
        assertEquals(List.of(), reported);

        scheduler.advance(Duration.ofMillis(1));

        assertEquals(List.of(true), reported);
    }

    @Test
    void aBurstThatSettlesBackOnTheReportedLevelReportsNothing() {
        Debouncer debouncer = new Debouncer(false, WINDOW, scheduler, reported::add);
        debouncer.onRawLevel(true);
        scheduler.advance(Duration.ofMillis(3));
        debouncer.onRawLevel(false);

        scheduler.advance(Duration.ofSeconds(1));

        assertEquals(List.of(), reported);
    }

    @Test
    void separateStablePressesAreEachReported() {
        Debouncer debouncer = new Debouncer(false, WINDOW, scheduler, reported::add);
        debouncer.onRawLevel(true);
        scheduler.advance(WINDOW);
        debouncer.onRawLevel(false);
        scheduler.advance(WINDOW);
        debouncer.onRawLevel(true);
        scheduler.advance(WINDOW);

        assertEquals(List.of(true, false, true), reported);
    }

    @Test
    void aZeroWindowPassesEveryChangeStraightThrough() {
        Debouncer debouncer = new Debouncer(false, Duration.ZERO, scheduler, reported::add);
        debouncer.onRawLevel(true);
        debouncer.onRawLevel(true);
        debouncer.onRawLevel(false);
        debouncer.onRawLevel(true);

        assertEquals(List.of(true, false, true), reported, "repeated levels are not changes");
        assertEquals(0, scheduler.pendingCount(), "no timers with a zero window");
    }

    @Test
    void cancelDropsAChangeStillInItsWindow() {
        Debouncer debouncer = new Debouncer(false, WINDOW, scheduler, reported::add);
        debouncer.onRawLevel(true);
        debouncer.cancel();

        scheduler.advance(Duration.ofSeconds(1));

        assertEquals(List.of(), reported);
    }

    @Test
    void startsFromTheInitialLevel() {
        Debouncer debouncer = new Debouncer(true, WINDOW, scheduler, reported::add);
        debouncer.onRawLevel(true);
        scheduler.advance(WINDOW);
        debouncer.onRawLevel(false);
        scheduler.advance(WINDOW);

        assertEquals(List.of(false), reported);
    }
}
