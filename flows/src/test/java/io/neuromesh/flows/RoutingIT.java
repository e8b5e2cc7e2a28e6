package io.neuromesh.flows;

import io.neuromesh.flows.testing.Workers;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.OutboundMessage;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Queues, named workers, waiting for workers, outside submitters and heartbeats, on Mosquitto. */
@Timeout(60)
class RoutingIT {

    private static TestFleet<Worker> fleet;
    private FlowClient client;

    @BeforeAll
    static void startFleet() {
        fleet = TestFleet.builder(Workers.inProcess()).broker(BrokerKind.MOSQUITTO).start();
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

    @Test
    void namedRoutingReachesOnlyThatWorker() throws Exception {
        Worker one = fleet.start("route1");
        Worker two = fleet.start("route2");
        Worker three = fleet.start("route3");
        Workers.awaitOnline(client, "route1", "route2", "route3");

        List<TaskResult> results = client.map(MapCall.of("echo", Collections.nCopies(30, "hi")).onWorker("route2")).join();

        assertTrue(results.stream().allMatch(r -> r.ok() && "route2".equals(r.worker())), results::toString);
        assertEquals(30, two.stats().processed());
        assertEquals(0, one.stats().processed());
        assertEquals(0, three.stats().processed());
    }

    @Test
    void queueTasksGoOnlyToWorkersOfThatQueue() throws Exception {
        fleet.start("cpu1", Workers.inProcess(b -> b.queues("cpu")));
        fleet.start("gpu1", Workers.inProcess(b -> b.queues("gpu", "cpu")));
        Workers.awaitOnline(client, "cpu1", "gpu1");

        List<TaskResult> results = client.map(MapCall.of("echo", List.of(1, 2, 3, 4, 5)).onQueue("gpu")).join();

        assertTrue(results.stream().allMatch(r -> "gpu1".equals(r.worker())), results::toString);
    }

    @Test
    void aSubmitToAQueueWithNoWorkerFailsAfterItsTimeout() {
        TaskResult result = client.submit(TaskCall.of("echo", "anyone?").onQueue("nobody")
                .timeout(Duration.ofMillis(2000))).join();

        assertEquals(ErrorKind.NO_WORKER, result.errorKind());
        assertEquals("no worker answered on queue 'nobody' within 2000 ms", result.error());
    }

    @Test
    void aSubmitToAnUnknownWorkerFailsAfterItsTimeout() {
        TaskResult result = client.submit(TaskCall.of("echo").onWorker("ghost").timeout(Duration.ofMillis(300))).join();

        assertEquals("worker 'ghost' did not answer within 300 ms (it is offline or unknown)", result.error());
    }

    @Test
    void aTaskSubmittedBeforeAnyWorkerRunsWhenOneJoins() {
        TaskFuture early = client.submit(TaskCall.of("echo", "early").onQueue("late").timeout(Duration.ofSeconds(20)));

        fleet.start("late1", Workers.inProcess(b -> b.queues("late")));

        TaskResult result = early.join();
        assertEquals("\"early\"", result.value().toString());
        assertEquals("late1", result.worker());
    }

    @Test
    void aSubmitterWithOnlyBrokerAccessUsesTheQueueTopic() throws Exception {
        fleet.start("shared1");
        BlockingQueue<io.neuromesh.mqtt.InboundMessage> replies = new LinkedBlockingQueue<>();
        MqttLink outsider = MqttLink.builder().broker(fleet.uri()).clientId("outsider").build();
        try {
            outsider.subscribe(Subscription.of("outsider/replies"), replies::add);
            outsider.start();

            outsider.publish(OutboundMessage.of(FlowTopics.queue("default"),
                    "{\"id\":\"x-1\",\"task\":\"echo\",\"args\":{\"hello\":\"fleet\"}}", Qos.AT_LEAST_ONCE, false)
                    .withResponse("outsider/replies", "req-1".getBytes(StandardCharsets.UTF_8)));

            io.neuromesh.mqtt.InboundMessage reply = replies.poll(10, TimeUnit.SECONDS);
            assertNotNull(reply, "no reply on the response topic");
            assertEquals("req-1", new String(reply.correlationData(), StandardCharsets.UTF_8));
            assertEquals("{\"v\":1,\"worker\":\"shared1\",\"results\":[{\"id\":\"x-1\",\"ok\":true,"
                    + "\"value\":{\"hello\":\"fleet\"},\"attempts\":1,\"runMs\":", reply.payloadText().substring(0,
                    reply.payloadText().indexOf("\"runMs\":") + 8));
        } finally {
            outsider.close();
        }
    }

    @Test
    void heartbeatsCarryCountsAndRunTimesAndTheLastWordIsOffline() throws Exception {
        Worker worker = fleet.start("beat1");
        Workers.awaitOnline(client, "beat1");
        List<TaskCall> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(TaskCall.of("sleep", 2).onWorker("beat1"));
        }
        calls.add(TaskCall.of("fail").onWorker("beat1"));
        client.group(calls).join();

        WorkerStatus status = awaitStatus("beat1", s -> s.stats().processed() == 21);
        assertEquals(1, status.stats().failed());
        assertTrue(status.stats().p50().toNanos() >= 2_000_000, status.toString());
        assertTrue(status.stats().p99().compareTo(status.stats().p50()) >= 0);
        assertEquals(List.of("default"), status.queues());
        assertTrue(status.tasks().contains("wordcount.count"));

        worker.close();
        WorkerStatus gone = awaitStatus("beat1", s -> s.state() == WorkerState.OFFLINE);
        assertEquals(21, gone.stats().processed());
    }

    private WorkerStatus awaitStatus(String worker, java.util.function.Predicate<WorkerStatus> condition)
            throws InterruptedException {
        return await("a matching status of " + worker).atMost(Duration.ofSeconds(10))
                .until(() -> client.workers().stream().filter(s -> s.worker().equals(worker) && condition.test(s))
                        .findFirst(), java.util.Optional::isPresent).orElseThrow();
    }
}
