package io.neuromesh.mqtt.internal;

import io.neuromesh.mqtt.MessageHandler;
import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.mqtt.Subscription;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.tinylog.Logger;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The link's subscriptions, kept by the link because Paho 1.2.5 does not restore them after a reconnect: registers
 * them in {@link Routes}, sends SUBSCRIBE/UNSUBSCRIBE while online, and subscribes everything again in
 * {@link #restore(Runnable)} after each (re)connect. Many filters go out as several packets ({@link FilterPackets}),
 * up to {@link #PACKETS_IN_FLIGHT} of them sent before the first acknowledgement is awaited: a runtime with 100,000
 * neurons then waits for about one broker round trip per window, not one per packet. Subscribing waits for the
 * broker's SUBACKs, so it must never run on Paho's callback thread.
 */
final class SubscriptionRegistry {

    /**
     * Packets sent ahead of their acknowledgement. Neither broker limits outstanding SUBSCRIBEs (the receive maximum
     * counts QoS 1/2 publishes only); the bound keeps Paho's send queue short, so publishes are not stuck behind
     * thousands of queued filters, and stops early when the broker refuses.
     */
    static final int PACKETS_IN_FLIGHT = 8;
    /** How many connect timeouts a SUBACK is awaited at most while the connection lives. */
    static final int PATIENCE = 12;

    private final String name;
    private final MqttAsyncClient client;
    private final Duration timeout;
    private final Routes routes = new Routes();
    private final Object lock = new Object();
    /** True between a completed {@link #restore} and the next {@link #goOffline()}; written under lock. */
    private volatile boolean online;
    /** Bytes of filters per packet, from the broker's maximum packet size at the latest connect; under lock. */
    private int packetBytes = FilterPackets.budget(OptionalLong.empty());

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
            Deque<IMqttToken> inFlight = new ArrayDeque<>();
            try {
                for (List<String> packet : FilterPackets.split(known, f -> f, packetBytes)) {
                    if (inFlight.size() == PACKETS_IN_FLIGHT) {
                        inFlight.removeFirst().waitForCompletion(timeout.toMillis());
                    }
                    inFlight.addLast(client.unsubscribe(packet.toArray(String[]::new)));
                }
                while (!inFlight.isEmpty()) {
                    inFlight.removeFirst().waitForCompletion(timeout.toMillis());
                }
            } catch (MqttException e) {
                // The filters are forgotten either way: a lost connection drops them at the broker (or the session
                // keeps them, and then their messages find no route and are counted as unrouted).
                Logger.debug("{}: unsubscribe of {} filters failed: {}", name, known.size(), PahoFailures.describe(e));
            }
        }
    }

    /**
     * After a (re)connect: subscribes every registered filter, then runs {@code thenOnline} before a concurrent
     * {@link #subscribe} can run, so that subscription is either part of this restore or sent on its own.
     *
     * @param brokerMaximum the Maximum Packet Size of this connection's CONNACK, in bytes; empty when none was
     *                      announced: SUBSCRIBE and UNSUBSCRIBE packets stay within it until the next connect
     * @throws MqttLinkException when the broker refuses a filter or does not answer in time
     */
    void restore(OptionalLong brokerMaximum, Runnable thenOnline) {
        synchronized (lock) {
            packetBytes = FilterPackets.budget(brokerMaximum);
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
        Deque<SentPacket> inFlight = new ArrayDeque<>();
        List<String> refused = new ArrayList<>();
        try {
            for (List<Subscription> batch : FilterPackets.split(subscriptions, Subscription::filter, packetBytes)) {
                if (inFlight.size() == PACKETS_IN_FLIGHT) {
                    inFlight.removeFirst().awaitSubAck(name, client, timeout, refused);
                }
                MqttSubscription[] packet = new MqttSubscription[batch.size()];
                for (int i = 0; i < packet.length; i++) {
                    Subscription s = batch.get(i);
                    packet[i] = new MqttSubscription(s.filter(), s.qos().level());
                    packet[i].setNoLocal(s.noLocal());
                }
                inFlight.addLast(SentPacket.send(client, packet));
            }
            while (!inFlight.isEmpty()) {
                inFlight.removeFirst().awaitSubAck(name, client, timeout, refused);
            }
        } catch (MqttException e) {
            throw new MqttLinkException("subscribe failed: " + PahoFailures.describe(e), e);
        }
        if (!refused.isEmpty()) {
            throw new MqttLinkException("broker refused the subscription(s) " + String.join(", ", refused));
        }
    }

    /**
     * A SUBSCRIBE sent, the token of its SUBACK, and what Paho's listener completes when the token completes. (Paho's
     * own timed wait cannot be repeated: a timeout leaves the token failed for every later wait.)
     */
    private record SentPacket(MqttSubscription[] filters, IMqttToken token, CompletableFuture<Void> answered) {

        static SentPacket send(MqttAsyncClient client, MqttSubscription[] filters) throws MqttException {
            CompletableFuture<Void> answered = new CompletableFuture<>();
            return new SentPacket(filters, client.subscribe(filters, null,
                    PahoListeners.completing(answered), new MqttProperties()), answered);
        }

        /**
         * Waits for the SUBACK and adds the filters it refused to {@code refused}. A broker that answers late is slow,
         * not gone: while the connection lives (Paho's keepalive ends one to a broker that stopped answering, which
         * fails the token) the wait goes on, for up to {@link #PATIENCE} times {@code timeout}. A fleet's broker
         * fanning a 10 MB topology out to 100 nodes on two cores took longer than one timeout to answer, and a node
         * that gave up dropped the routes of filters the broker then subscribed.
         */
        void awaitSubAck(String name, MqttAsyncClient client, Duration timeout, List<String> refused)
                throws MqttException {
            for (int waited = 1; !answered.isDone(); waited++) {
                try {
                    answered.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (waited == PATIENCE || !client.isConnected()) {
                        throw new MqttException(MqttClientException.REASON_CODE_CLIENT_TIMEOUT);
                    }
                    if (waited == 1) {
                        Logger.warn("{}: the broker has not acknowledged {} filter(s) within {}; still waiting while "
                                + "the connection lives", name, filters.length, Durations.text(timeout));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MqttException(e);
                } catch (ExecutionException e) {
                    // The subscribe failed: the token carries the failure, thrown below.
                }
            }
            // Complete now: returns at once, or throws what the subscribe failed with.
            token.waitForCompletion(timeout.toMillis());
            int[] codes = token.getReasonCodes();
            for (int i = 0; codes != null && i < codes.length && i < filters.length; i++) {
                if (codes[i] >= 0x80) {
                    refused.add(filters[i].getTopic() + " (reason " + codes[i] + ")");
                }
            }
        }
    }
}
