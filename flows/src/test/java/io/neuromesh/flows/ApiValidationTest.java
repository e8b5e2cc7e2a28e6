package io.neuromesh.flows;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ApiValidationTest {

    private static String message(Runnable action) {
        return assertThrows(IllegalArgumentException.class, action::run).getMessage();
    }

    @Test
    void rejectsTaskNamesThatAreNotNames() {
        assertEquals("task: must be 1-128 characters of A-Z a-z 0-9 _ . -, got 'word count'",
                message(() -> TaskCall.of("word count")));
        assertEquals("task: must be 1-128 characters of A-Z a-z 0-9 _ . -, got null", message(() -> TaskCall.of(null)));
    }

    @Test
    void rejectsNonPositiveTimeoutsAndOutOfRangeRetries() {
        assertEquals("timeout: must be a positive duration, got PT0S",
                message(() -> TaskCall.of("echo").timeout(Duration.ZERO)));
        assertEquals("retries: must be 0-100, got -1", message(() -> TaskCall.of("echo").retries(-1)));
    }

    @Test
    void rejectsQueueAndWorkerNamesThatWouldBreakTopics() {
        assertEquals("queue: 'a/b' contains '/'; ids are 1-64 characters of A-Z a-z 0-9 _ -", message(() -> Route.queue("a/b")));
        assertEquals("worker: 'pi#1' contains '#'; ids are 1-64 characters of A-Z a-z 0-9 _ -", message(() -> Route.worker("pi#1")));
    }

    record Point(int x, int y) {
    }

    @Test
    void encodesCallArgumentsWithGson() {
        assertEquals("{\"x\":1,\"y\":2}", TaskCall.of("echo", new Point(1, 2)).args().toString());
        assertEquals("null", TaskCall.of("echo").args().toString());
    }

    @Test
    void validatesClientSettings() {
        assertEquals("broker: must look like tcp://host:port or ssl://host:port, got http://x:1",
                message(() -> FlowClient.builder().broker("http://x:1").config()));
        assertEquals("clientId: 'a b' contains a space; ids are 1-64 characters of A-Z a-z 0-9 _ -",
                message(() -> FlowClient.builder().clientId("a b").config()));
        assertEquals("maxPayloadBytes: must be at least 1024, got 10",
                message(() -> FlowClient.builder().maxPayloadBytes(10).config()));
    }

    @Test
    void validatesWorkerSettings() {
        assertEquals("name: must not be null",
                message(() -> Worker.builder().config()));
        assertEquals("prefetch: must be at least concurrency (4), got 2",
                message(() -> Worker.builder().name("w").concurrency(4).prefetch(2).config()));
        assertEquals("queues[1]: 'x+' contains '+'; ids are 1-64 characters of A-Z a-z 0-9 _ -",
                message(() -> Worker.builder().name("w").queues("ok", "x+").config()));
        assertEquals("retryBackoff.max: must be >= initial (PT1S), got PT0.5S",
                message(() -> Worker.builder().name("w").backoff(Duration.ofSeconds(1), Duration.ofMillis(500)).config()));
    }

    @Test
    void defaultsPrefetchToTwoPerSlot() {
        WorkerConfig config = Worker.builder().name("w").concurrency(3).config();

        assertEquals(6, config.prefetch());
        assertEquals(List.of(ClientConfig.DEFAULT_QUEUE), config.queues());
    }

    @Test
    void errorResultsNeedAKindAndMessage() {
        assertEquals("errorKind and error: must be set for an error result",
                message(() -> new TaskResult("1", "echo", false, null, null, null, null, 0, Duration.ZERO)));
    }

    @Test
    void anErrorResultThrowsWhenItsValueIsRead() {
        TaskResult failed = TaskResult.failure("c-1", "fail", ErrorKind.FAILED, "boom", "w1", 1, Duration.ZERO);

        TaskFailedException e = assertThrows(TaskFailedException.class, () -> failed.value(String.class));
        assertEquals("fail (c-1) failed: boom", e.getMessage());
    }
}
