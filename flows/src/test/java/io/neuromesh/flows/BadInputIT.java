package io.neuromesh.flows;

import io.neuromesh.flows.testing.Workers;
import io.neuromesh.mqtt.InboundMessage;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.OutboundMessage;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unknown tasks, malformed arguments and oversized payloads get error results; the worker keeps working. */
@Timeout(60)
class BadInputIT {

    private static final int LIMIT = ClientConfig.DEFAULT_MAX_PAYLOAD_BYTES;

    private static TestFleet<Worker> fleet;
    private static Worker worker;
    private static FlowClient client;

    @BeforeAll
    static void start() throws Exception {
        fleet = TestFleet.builder(Workers.inProcess()).broker(BrokerKind.MOSQUITTO).start();
        worker = fleet.start("sturdy", Workers.inProcess(
                b -> b.task(Task.of("blowup", Integer.class, (n, context) -> "x".repeat(n)))));
        client = Workers.client(fleet);
        Workers.awaitOnline(client, "sturdy");
    }

    @AfterAll
    static void stop() {
        client.close();
        fleet.close();
    }

    private static void assertStillWorks() {
        assertEquals("\"still here\"", client.submit("echo", "still here").join().value().toString());
    }

    @Test
    void anUnknownTaskNameIsAnErrorResult() {
        TaskResult result = client.submit("nope", null).join();

        assertEquals(ErrorKind.UNKNOWN_TASK, result.errorKind());
        assertEquals("unknown task 'nope'; worker sturdy runs blowup, echo, fail, noop, sleep, "
                + "wordcount.count, wordcount.merge", result.error());
        assertEquals("sturdy", result.worker());
        assertStillWorks();
    }

    @Test
    void malformedArgumentsAreAnErrorResult() {
        TaskResult result = client.submit("sleep", "soon").join();

        assertEquals(ErrorKind.BAD_ARGUMENTS, result.errorKind());
        assertTrue(result.error().startsWith("bad arguments for 'sleep': "), result.error());
        assertTrue(result.error().endsWith("(got \"soon\")"), result.error());
        assertStillWorks();
    }

    @Test
    void anOversizedTaskIsRefusedByTheClientWithoutSendingIt() {
        TaskResult result = client.submit("echo", "x".repeat(LIMIT)).join();

        assertEquals(ErrorKind.TOO_LARGE, result.errorKind());
        assertTrue(result.error().matches("task message of \\d+ bytes exceeds the " + LIMIT + "-byte payload limit"),
                result.error());
        assertEquals(null, result.worker());
    }

    @Test
    void anOversizedTaskFromAClientWithAHigherLimitIsRefusedByTheWorker() {
        try (FlowClient generous = FlowClient.builder().broker(fleet.uri()).maxPayloadBytes(4 * LIMIT).connect()) {
            TaskResult result = generous.submit("echo", "x".repeat(2 * LIMIT)).join();

            assertEquals(ErrorKind.TOO_LARGE, result.errorKind());
            assertTrue(result.error().endsWith(" bytes exceeds the " + LIMIT + "-byte limit of worker sturdy"),
                    result.error());
        }
        assertStillWorks();
    }

    @Test
    void anOversizedResultIsAnErrorResult() {
        TaskResult result = client.submit("blowup", LIMIT).join();

        assertEquals(ErrorKind.TOO_LARGE, result.errorKind());
        assertTrue(result.error().startsWith("result of "), result.error());
        assertStillWorks();
    }

    @Test
    void aMessageThatIsNotJsonGetsAnErrorReply() throws Exception {
        BlockingQueue<InboundMessage> replies = new LinkedBlockingQueue<>();
        MqttLink raw = MqttLink.builder().broker(fleet.uri()).clientId("raw-submitter").build();
        try {
            raw.subscribe(Subscription.of("raw/replies"), replies::add);
            raw.start();

            raw.publish(OutboundMessage.of(FlowTopics.worker("sturdy"), "{\"v\":1,\"tasks\":[{\"id\":", Qos.AT_LEAST_ONCE,
                    false).withResponse("raw/replies", "r1".getBytes(StandardCharsets.UTF_8)));

            InboundMessage reply = replies.poll(10, TimeUnit.SECONDS);
            assertNotNull(reply);
            assertTrue(reply.payloadText().contains("\"kind\":\"malformed\",\"error\":\"not JSON: "), reply.payloadText());
        } finally {
            raw.close();
        }
        assertStillWorks();
        assertTrue(worker.stats().failed() >= 1);
    }
}
