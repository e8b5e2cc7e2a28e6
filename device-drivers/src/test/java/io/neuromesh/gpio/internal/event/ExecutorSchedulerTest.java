package io.neuromesh.gpio.internal.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ExecutorSchedulerTest {

    @Test
    void runsTasksOneAtATimeInOrderOnOneNamedDaemonThread() throws InterruptedException {
        try (ExecutorScheduler scheduler = new ExecutorScheduler("test-events")) {
            List<Integer> order = new ArrayList<>();
            Set<String> threads = ConcurrentHashMap.newKeySet();
            Set<Boolean> daemon = ConcurrentHashMap.newKeySet();
            CountDownLatch done = new CountDownLatch(1);
            for (int i = 0; i < 100; i++) {
                int index = i;
                scheduler.execute(() -> {
                    order.add(index);
                    threads.add(Thread.currentThread().getName());
                    daemon.add(Thread.currentThread().isDaemon());
                });
            }
            scheduler.execute(done::countDown);
            done.await();
            assertEquals(IntStream.range(0, 100).boxed().toList(), order);
            assertEquals(Set.of("test-events"), threads);
            assertEquals(Set.of(true), daemon);
        }
    }

    @Test
    void cancelledTimerNeverRuns() throws InterruptedException {
        try (ExecutorScheduler scheduler = new ExecutorScheduler("test-events")) {
            CountDownLatch blocked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            List<String> ran = new ArrayList<>();
            scheduler.execute(() -> {
                blocked.countDown();
                awaitQuietly(release);
            });
            blocked.await();
            Scheduler.Timer timer = scheduler.schedule(() -> ran.add("cancelled"), Duration.ZERO);
            timer.cancel();
            release.countDown();
            scheduler.schedule(() -> ran.add("kept"), Duration.ofMillis(1));
            scheduler.schedule(done::countDown, Duration.ofMillis(2));
            done.await();
            assertEquals(List.of("kept"), ran);
        }
    }

    @Test
    void aFailingTaskDoesNotStopLaterTasks() throws InterruptedException {
        try (ExecutorScheduler scheduler = new ExecutorScheduler("test-events")) {
            CountDownLatch done = new CountDownLatch(1);
            scheduler.execute(() -> {
                throw new IllegalStateException("listener bug");
            });
            scheduler.execute(done::countDown);
            assertTrue(done.await(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void tasksSubmittedAfterCloseAreIgnored() {
        ExecutorScheduler scheduler = new ExecutorScheduler("test-events");
        scheduler.close();
        scheduler.close();
        scheduler.execute(() -> { });
        scheduler.schedule(() -> { }, Duration.ofMillis(1)).cancel();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
