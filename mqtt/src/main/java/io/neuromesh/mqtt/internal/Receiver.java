package io.neuromesh.mqtt.internal;

import io.neuromesh.mqtt.InboundMessage;
import io.neuromesh.mqtt.Qos;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.tinylog.Logger;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * The receive path: on Paho's callback thread, finds the message's route and enqueues it on the route's executor;
 * the handler then runs there. Nothing here blocks or throws on Paho's thread (a throw would lose the message
 * silently). Also acknowledges QoS 1 deliveries when the link uses manual acks.
 */
final class Receiver {

    private final String name;
    private final MqttAsyncClient client;
    private final SubscriptionRegistry registry;
    private final boolean manualAcks;
    private final LongAdder received = new LongAdder();
    private final LongAdder unrouted = new LongAdder();
    private final LongAdder handlerFailures = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    Receiver(String name, MqttAsyncClient client, SubscriptionRegistry registry, boolean manualAcks) {
        this.name = name;
        this.client = client;
        this.registry = registry;
        this.manualAcks = manualAcks;
    }

    /** Paho's callback thread: look up the route and enqueue. */
    void arrived(String topic, MqttMessage message) {
        Routes.Route route = registry.match(topic);
        InboundMessage inbound = PahoMessages.toInbound(topic, message);
        if (route == null) {
            unrouted.increment();
            complete(inbound);
            Logger.debug("{}: no subscription for {}", name, topic);
            return;
        }
        try {
            route.executor().execute(() -> deliver(route, inbound));
        } catch (RejectedExecutionException refused) {
            complete(inbound);
            // A handler's executor that is shut down refuses too: its owner is closing, nothing to warn about.
            if (route.executor() instanceof ExecutorService service && service.isShutdown()) {
                Logger.debug("{}: closing, dropped a message on {}", name, topic);
            } else {
                rejected.increment();
                Logger.warn("{}: inbox full, dropped a message on {}", name, topic);
            }
        }
    }

    private void deliver(Routes.Route route, InboundMessage message) {
        received.increment();
        try {
            route.handler().onMessage(message);
        } catch (Exception | Error e) {
            handlerFailures.increment();
            Logger.warn("{}: handler of {} failed on {}: {}", name, route.subscription().filter(), message.topic(),
                    e.toString());
        }
    }

    /** Acknowledges a QoS 1 delivery under manual acks; a no-op otherwise. */
    void complete(InboundMessage message) {
        if (!manualAcks || message.qos() == Qos.AT_MOST_ONCE) {
            return;
        }
        try {
            client.messageArrivedComplete(message.messageId(), message.qos().level());
        } catch (MqttException e) {
            Logger.debug("{}: ack of message {} failed: {}", name, message.messageId(), PahoFailures.describe(e));
        }
    }

    long received() {
        return received.sum();
    }

    long unrouted() {
        return unrouted.sum();
    }

    long handlerFailures() {
        return handlerFailures.sum();
    }

    /** Messages a handler's executor refused while running (a full inbox); not those refused while it closes. */
    long rejected() {
        return rejected.sum();
    }
}
