package io.neuromesh.flows;

import io.neuromesh.flows.testing.TaskJars;
import io.neuromesh.flows.testing.Workers;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Timeouts, retries, revocation, the canvas and task jars against real workers on embedded HiveMQ. */
@Timeout(60)
class ReliabilityIT {

    private static TestFleet<Worker> fleet;
    private FlowClient client;

    @BeforeAll
    static void startFleet() {
        fleet = TestFleet.builder(Workers.inProcess()).broker(BrokerKind.HIVEMQ_EMBEDDED).start();
    }

    @AfterAll
    static void stopFleet() {
        fleet.close();
    }

    @BeforeEach
    void startClient() {
        client = Workers.client(fleet);
    }

    @AfterEach
    void stopAll() {
        client.close();
        fleet.stopNodes();
    }

    private Worker worker(String name) {
        Worker worker = fleet.start(name,
                Workers.inProcess(b -> b.queues(name).backoff(Duration.ofMillis(20), Duration.ofMillis(100))));
        Workers.awaitOnline(client, name);
        return worker;
    }

    @Test
    void aTaskThatRunsTooLongTimesOutAndTheWorkerCarriesOn() throws Exception {
        worker("slowpoke");

        TaskResult late = client.submit(TaskCall.of("sleep", 10_000).onQueue("slowpoke").timeout(Duration.ofMillis(300)))
                .join();
        TaskResult next = client.submit(TaskCall.of("echo", 1).onQueue("slowpoke")).join();

        assertEquals(ErrorKind.TIMEOUT, late.errorKind());
        assertEquals("timeout after 300 ms", late.error());
        assertTrue(next.ok());
    }

    @Test
    void retryableFailuresAreRetriedWithBackoffUntilTheySucceed() throws Exception {
        Worker worker = worker("retry1");

        TaskResult result = client.submit(TaskCall.of("fail", Map.of("message", "busy", "retryable", true, "times", 2))
                .onQueue("retry1").retries(3)).join();

        assertEquals("\"succeeded on attempt 3\"", result.value().toString());
        assertEquals(3, result.attempts());
        assertEquals(2, worker.stats().retried());
        assertTrue(result.runTime().compareTo(Duration.ofMillis(60)) >= 0, "20 + 40 ms of backoff: " + result.runTime());
    }

    @Test
    void retriesStopAtTheLimit() throws Exception {
        worker("retry2");

        TaskResult result = client.submit(TaskCall.of("fail", Map.of("message", "still busy", "retryable", true))
                .onQueue("retry2").retries(2)).join();

        assertEquals(ErrorKind.FAILED, result.errorKind());
        assertEquals("still busy", result.error());
        assertEquals(3, result.attempts());
    }

    @Test
    void aTaskThatThrowsReturnsItsMessageWithoutRetries() throws Exception {
        worker("thrower");

        TaskResult result = client.submit(TaskCall.of("fail", Map.of("message", "boom")).onQueue("thrower").retries(5))
                .join();

        assertEquals("boom", result.error());
        assertEquals(1, result.attempts());
    }

    @Test
    void aRevokedTaskNeverRuns() throws Exception {
        Set<String> ran = ConcurrentHashMap.newKeySet();
        CountDownLatch release = new CountDownLatch(1);
        Worker worker = fleet.start("revoker", Workers.inProcess(b -> b.queues("revoker").concurrency(1).prefetch(2)
                .task(Task.of("record", String.class, (tag, context) -> {
                    ran.add(tag);
                    release.await(10, TimeUnit.SECONDS);
                    return tag;
                }))));
        Workers.awaitOnline(client, "revoker");
        TaskFuture blocker = client.submit(TaskCall.of("record", "blocker").onQueue("revoker"));
        TaskFuture heldByWorker = client.submit(TaskCall.of("record", "held").onQueue("revoker"));
        TaskFuture stillHere = client.submit(TaskCall.of("record", "waiting").onQueue("revoker"));
        await("the blocker runs").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> ran.contains("blocker"));

        assertTrue(heldByWorker.revoke());
        assertTrue(client.revoke(stillHere.id()));
        // The revocation travels through the broker; the worker counts the task it skipped as processed.
        await("the skipped task counted").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> worker.stats().processed() >= 1);
        release.countDown();

        assertEquals(ErrorKind.REVOKED, heldByWorker.join().errorKind());
        assertEquals("revoked", stillHere.join().error());
        assertTrue(blocker.join().ok());
        TaskResult after = client.submit(TaskCall.of("record", "after").onQueue("revoker")).join();
        assertTrue(after.ok());
        assertEquals(Set.of("blocker", "after"), ran);
        assertFalse(client.revoke(after.id()), "a completed task cannot be revoked");
    }

    @Test
    void groupChainChordAndMapRunOnTheFleet() throws Exception {
        worker("canvas1");
        worker("canvas2");
        fleet.start("canvas3", Workers.inProcess(b -> b.queues("canvas1")));

        List<TaskResult> group = client.group(List.of(TaskCall.of("sleep", 30).onQueue("canvas1"),
                TaskCall.of("echo", "b").onQueue("canvas2"), TaskCall.of("sleep", 1).onQueue("canvas1"))).join();
        TaskResult chain = client.chain(List.of(TaskCall.of("sleep", 5).onQueue("canvas1"),
                TaskCall.of("echo").onQueue("canvas2"), TaskCall.of("echo").onQueue("canvas1"))).join();
        TaskResult chord = client.chord(List.of(TaskCall.of("wordcount.count", List.of("hello world")).onQueue("canvas1"),
                        TaskCall.of("wordcount.count", List.of("hello again")).onQueue("canvas2")),
                TaskCall.of("wordcount.merge").onQueue("canvas1")).join();
        List<TaskResult> map = client.map(MapCall.of("echo", List.of(1, 2, 3, 4, 5)).chunks(2).onQueue("canvas2")).join();

        assertEquals(List.of("30", "\"b\"", "1"), group.stream().map(r -> r.value().toString()).toList());
        assertEquals("5", chain.value().toString());
        assertEquals(Map.of("hello", 2.0, "world", 1.0, "again", 1.0), chord.value(Map.class));
        assertEquals(List.of("[1,2]", "[3,4]", "[5]"), map.stream().map(r -> r.value().toString()).toList());
    }

    @Test
    void aTaskJarDroppedIntoTheTaskFolderRuns(@TempDir Path dir) throws Exception {
        TaskJars.shoutJar(dir);
        Worker worker = fleet.start("jarred", Workers.inProcess(b -> b.queues("jarred").taskDir(dir).enableTasks("safe", "shout")));
        Workers.awaitOnline(client, "jarred");

        TaskResult result = client.submit(TaskCall.of("shout", "hello").onQueue("jarred")).join();

        assertTrue(worker.taskNames().contains("shout"));
        assertEquals("\"HELLO!\"", result.value().toString());
    }
}
