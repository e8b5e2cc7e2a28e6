package io.neuromesh.edge.internal.client;

import io.neuromesh.mqtt.InboundMessage;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.OutboundMessage;
import io.neuromesh.mqtt.Qos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * MQTT 5 request/response for the fleet client: a request carries this client's reply topic and a fresh
 * correlation id, and replies are collected until enough arrived or the caller's timeout passed.
 *
 * <p>A request to one node may be lost without anyone being at fault: after a broker restart the client can be
 * back before the node, and a broker that kept no session for the node drops what is published meanwhile. So an
 * unanswered request to a node is sent again whenever that node announces itself online ({@link #nodeOnline});
 * only idempotent requests are sent that way (setting a pin to a level twice leaves it at that level).
 *
 * <p>Threading: {@link #request} blocks its caller; {@link #onReply} and {@link #nodeOnline} run on the link's
 * dispatch thread and never block (a resend is a plain asynchronous publish).
 */
final class Requester {

    private final MqttLink link;
    private final String replyTopic;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** Answers to one request, collected until enough arrived; {@code resendTo} names the node it may go to again. */
    private record Pending(OutboundMessage message, Optional<String> resendTo, List<byte[]> bodies,
                           CountDownLatch enough) {
    }

    Requester(MqttLink link, String replyTopic) {
        this.link = link;
        this.replyTopic = replyTopic;
    }

    /**
     * Publishes a request and collects replies until {@code expected} arrived or {@code timeout} passed.
     *
     * @param resendTo the node that answers this idempotent request, to send it again when that node comes online;
     *                 empty for a request that must go out once
     * @return the reply bodies that arrived in time, in arrival order
     */
    List<byte[]> request(String topic, byte[] body, int expected, Duration timeout, Optional<String> resendTo) {
        String correlation = UUID.randomUUID().toString();
        OutboundMessage message = OutboundMessage.of(topic, body, Qos.AT_LEAST_ONCE, false)
                .withResponse(replyTopic, correlation.getBytes(StandardCharsets.UTF_8));
        Pending request = new Pending(message, resendTo, new ArrayList<>(), new CountDownLatch(Math.max(1, expected)));
        pending.put(correlation, request);
        try {
            // Acknowledged: a broker that refuses the request (a viewer's gpio-set) says so instead of timing out.
            link.publishAcknowledged(message, timeout);
            request.enough().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pending.remove(correlation);
        }
        synchronized (request.bodies()) {
            return List.copyOf(request.bodies());
        }
    }

    /** A message on the reply topic: hands it to the request it answers, if that one is still waiting. */
    void onReply(InboundMessage message) {
        if (message.correlationData() == null) {
            return;
        }
        Pending request = pending.get(new String(message.correlationData(), StandardCharsets.UTF_8));
        if (request != null) {
            synchronized (request.bodies()) {
                request.bodies().add(message.payload());
            }
            request.enough().countDown();
        }
    }

    /** {@code node} says it is online (a fresh connection or a heartbeat): sends it what it has not answered yet. */
    void nodeOnline(String node) {
        for (Pending request : pending.values()) {
            boolean unanswered;
            synchronized (request.bodies()) {
                unanswered = request.bodies().isEmpty();
            }
            if (unanswered && request.resendTo().filter(node::equals).isPresent()) {
                link.publish(request.message());
            }
        }
    }
}
