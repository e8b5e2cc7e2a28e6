package io.neuromesh.mqtt.internal;

import io.neuromesh.mqtt.MessageHandler;
import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.mqtt.Subscription;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.tinylog.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The link's subscriptions, kept by the link because Paho 1.2.5 does not restore them after a reconnect: registers
 * them in {@link Routes}, sends SUBSCRIBE/UNSUBSCRIBE in batches while online, and subscribes everything again in
 * {@link #restore(Runnable)} after each (re)connect. Subscribing waits for the broker's SUBACK, so it must never run
 * on Paho's callback thread.
 */
final class SubscriptionRegistry {

    /** Filters per SUBSCRIBE/UNSUBSCRIBE packet: keeps packets small when a runtime hosts thousands of neurons. */
    static final int FILTERS_PER_PACKET = 500;

    private final String name;
    private final MqttAsyncClient client;
    private final Duration timeout;
    private final Routes routes = new Routes();
    private final Object lock = new Object();
    /** True between a completed {@link #restore} and the next {@link #goOffline()}; written under lock. */
    private volatile boolean online;

    SubscriptionRegistry(String name, MqttAsyncClient client, Duration timeout) {
        this.name = name;
        this.client = client;
        this.timeout = timeout;
    }

    /** The route of a topic, or null; called on Paho's callback thread for every message, so lock-free. */
    Routes.Route match(String topic) {
        return routes.match(topic);
    }

    /** Registers the subscriptions and, when online, subscribes them at the broker (waiting for its SUBACK). */
    void subscribe(Collection<Subscription> subscriptions, Executor executor, MessageHandler handler) {
        synchronized (lock) {
            for (Subscription subscription : subscriptions) {
                routes.put(subscription, executor, handler);
            }
            if (!online) {
                return;
            }
            try {
                sendSubscribe(List.copyOf(subscriptions));
            } catch (MqttLinkException e) {
                if (client.isConnected()) {
                    for (Subscription subscription : subscriptions) {
                        routes.remove(subscription.filter());
                    }
                    throw e;
                }
                // The connection dropped meanwhile: the reconnect restores them from the registry.
                Logger.debug("{}: subscribe deferred to the reconnect: {}", name, e.getMessage());
            }
        }
    }

    /** Forgets these filters and, when online, unsubscribes them at the broker. */
    void unsubscribe(Collection<String> filters) {
        synchronized (lock) {
            List<String> known = new ArrayList<>(filters.size());
            for (String filter : filters) {
                if (routes.contains(filter)) {
                    known.add(filter);
                    routes.remove(filter);
                }
            }
            if (!online || known.isEmpty()) {
                return;
            }
            for (int from = 0; from < known.size(); from += FILTERS_PER_PACKET) {
                String[] batch = known.subList(from, Math.min(known.size(), from + FILTERS_PER_PACKET))
                        .toArray(String[]::new);
                try {
                    client.unsubscribe(batch).waitForCompletion(timeout.toMillis());
                } catch (MqttException e) {
                    Logger.debug("{}: unsubscribe of {} filters failed: {}", name, batch.length,
                            PahoFailures.describe(e));
                }
            }
        }
    }

    /**
     * After a (re)connect: subscribes every registered filter, then runs {@code thenOnline} before a concurrent
     * {@link #subscribe} can run, so that subscription is either part of this restore or sent on its own.
     *
     * @throws MqttLinkException when the broker refuses a filter or does not answer in time
     */
    void restore(Runnable thenOnline) {
        synchronized (lock) {
            sendSubscribe(routes.subscriptions());
            thenOnline.run();
            online = client.isConnected();
        }
    }

    /** The connection is gone: new subscriptions are only registered, until the next {@link #restore}. */
    void goOffline() {
        synchronized (lock) {
            online = false;
        }
    }

    private void sendSubscribe(List<Subscription> subscriptions) {
        for (int from = 0; from < subscriptions.size(); from += FILTERS_PER_PACKET) {
            List<Subscription> batch = subscriptions.subList(from,
                    Math.min(subscriptions.size(), from + FILTERS_PER_PACKET));
            MqttSubscription[] packet = new MqttSubscription[batch.size()];
            for (int i = 0; i < packet.length; i++) {
                Subscription s = batch.get(i);
                packet[i] = new MqttSubscription(s.filter(), s.qos().level());
                packet[i].setNoLocal(s.noLocal());
            }
            int[] codes;
            try {
                IMqttToken token = client.subscribe(packet);
                token.waitForCompletion(timeout.toMillis());
                codes = token.getReasonCodes();
            } catch (MqttException e) {
                throw new MqttLinkException("subscribe failed: " + PahoFailures.describe(e), e);
            }
            List<String> refused = new ArrayList<>();
            for (int i = 0; codes != null && i < codes.length && i < packet.length; i++) {
                if (codes[i] >= 0x80) {
                    refused.add(packet[i].getTopic() + " (reason " + codes[i] + ")");
                }
            }
            if (!refused.isEmpty()) {
                throw new MqttLinkException("broker refused the subscription(s) " + String.join(", ", refused));
            }
        }
    }
}
