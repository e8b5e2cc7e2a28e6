package io.neuromesh.mqtt.internal;

import io.neuromesh.mqtt.InboundMessage;
import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.mqtt.LinkListener;
import io.neuromesh.mqtt.LinkState;
import io.neuromesh.mqtt.LinkStats;
import io.neuromesh.mqtt.MessageHandler;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.mqtt.OutboundMessage;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;
import org.tinylog.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link MqttLink} on Paho's MQTT v5 async client, assembled from one part per concern: {@link Reconnector}
 * (connection, reconnect with backoff), {@link SubscriptionRegistry} (restored after every reconnect),
 * {@link Publisher} (offline buffer and in-flight window), {@link Receiver} (routing to handlers) and
 * {@link PahoCallbacks} (Paho's callback thread, which only hands over). This class owns the threads and the
 * lifecycle. Paho's own automatic reconnect and offline buffer are not used: its buffer only works with its own
 * reconnect, which does not restore subscriptions.
 */
public final class PahoLink implements MqttLink {

    /** Messages the link's own dispatcher may hold before it refuses more. */
    private static final int DISPATCH_QUEUE_CAPACITY = 100_000;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    private final LinkConfig config;
    private final String name;
    private final ThreadPoolExecutor dispatch;
    private final ScheduledThreadPoolExecutor pahoThreads;
    private final MqttAsyncClient client;
    private final SubscriptionRegistry registry;
    private final Publisher publisher;
    private final Receiver receiver;
    private final Reconnector reconnector;
    private boolean started;

    public PahoLink(LinkConfig config) {
        this.config = config;
        this.name = "mqtt-" + config.clientId();
        this.dispatch = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(DISPATCH_QUEUE_CAPACITY),
                Thread.ofPlatform().daemon().name(name + "-dispatch-", 1).factory());
        // Paho runs its receiver, sender and callback loops on this pool, plus pings and disconnect tasks.
        this.pahoThreads = new ScheduledThreadPoolExecutor(6,
                Thread.ofPlatform().daemon().name(name + "-paho-", 1).factory());
        try {
            this.client = new MqttAsyncClient(config.broker().toString(), config.clientId(), new MemoryPersistence(),
                    null, pahoThreads);
        } catch (MqttException e) {
            dispatch.shutdownNow();
            pahoThreads.shutdownNow();
            throw new MqttLinkException("cannot create an MQTT client for " + config.broker() + ": " + e.getMessage(), e);
        }
        this.registry = new SubscriptionRegistry(name, client, config.connectTimeout());
        this.publisher = new Publisher(name, client, config.offlineBufferSize());
        this.receiver = new Receiver(name, client, registry, config.manualAcks());
        this.reconnector = new Reconnector(config, name, client, new Reconnector.Session() {
            @Override
            public void restore(BrokerLimits limits) {
                registry.restore(limits.maximumPacketSize(), () -> publisher.goOnline(limits.receiveMaximum()));
            }

            @Override
            public void lost() {
                registry.goOffline();
                publisher.goOffline();
            }
        });
        client.setCallback(new PahoCallbacks(name, receiver, reconnector));
        client.setManualAcks(config.manualAcks());
    }

    @Override
    public LinkConfig config() {
        return config;
    }

    @Override
    public void addListener(LinkListener listener) {
        reconnector.addListener(listener);
    }

    @Override
    public void start() {
        synchronized (this) {
            if (!started && reconnector.state() == LinkState.NEW) {
                started = true;
                reconnector.start();
            }
        }
        // Waits outside the lock so that close() from another thread can end the wait.
        try {
            reconnector.awaitFirstConnection(config.startTimeout());
        } catch (MqttLinkException e) {
            close();
            throw e;
        }
    }

    @Override
    public LinkState state() {
        return reconnector.state();
    }

    @Override
    public Executor dispatcher() {
        return dispatch;
    }

    @Override
    public void subscribe(Collection<Subscription> subscriptions, Executor executor, MessageHandler handler) {
        if (reconnector.state() == LinkState.CLOSED) {
            throw new MqttLinkException("link " + config.clientId() + " is closed");
        }
        registry.subscribe(subscriptions, executor, handler);
    }

    @Override
    public void unsubscribe(Collection<String> filters) {
        registry.unsubscribe(filters);
    }

    @Override
    public void publish(OutboundMessage message) {
        if (!droppedAsEnded(message)) {
            publisher.publish(message);
        }
    }

    @Override
    public boolean publishIfOnline(OutboundMessage message) {
        return droppedAsEnded(message) || publisher.publishIfOnline(message);
    }

    @Override
    public boolean tryPublish(OutboundMessage message) {
        return droppedAsEnded(message) || publisher.tryPublish(message);
    }

    /** @return true when the link is closed or failed for good: the message is dropped (said at debug level) */
    private boolean droppedAsEnded(OutboundMessage message) {
        LinkState state = reconnector.state();
        if (state == LinkState.CLOSED || state == LinkState.FAILED) {
            Logger.debug("{}: publish on {} dropped: link is {}", name, message.topic(), state);
            return true;
        }
        return false;
    }

    @Override
    public void publishAcknowledged(OutboundMessage message, Duration timeout) {
        if (message.qos() != Qos.AT_LEAST_ONCE) {
            throw new IllegalArgumentException("qos: an acknowledged publish needs " + Qos.AT_LEAST_ONCE + ", got "
                    + message.qos());
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: must be positive, got " + timeout);
        }
        LinkState state = reconnector.state();
        if (state == LinkState.CLOSED || state == LinkState.FAILED) {
            throw new MqttLinkException("cannot publish to " + message.topic() + ": link " + config.clientId() + " is "
                    + state.name().toLowerCase(Locale.ROOT));
        }
        publisher.publishAcknowledged(message, timeout);
    }

    @Override
    public void complete(InboundMessage message) {
        receiver.complete(message);
    }

    @Override
    public LinkStats stats() {
        return new LinkStats(publisher.published(), receiver.received(), receiver.unrouted(),
                receiver.handlerFailures(), receiver.rejected(), publisher.buffered(), publisher.dropped(),
                reconnector.connects());
    }

    @Override
    public void close() {
        shutdown(true);
    }

    @Override
    public void abort() {
        shutdown(false);
    }

    private synchronized void shutdown(boolean clean) {
        if (reconnector.state() == LinkState.CLOSED) {
            return;
        }
        reconnector.close();
        registry.goOffline();
        publisher.close();
        if (started) {
            disconnect(clean);
        }
        dispatch.shutdownNow();
        pahoThreads.shutdownNow();
        Logger.debug("{}: closed", name);
    }

    /**
     * Waits for work in flight, sends DISCONNECT (reason 0: no Last Will) and waits until the connection is down. Paho
     * 1.2.5's disconnect() sleeps 100 ms after starting that work before it returns the token to wait on; so it is
     * called on a thread of its own (not Paho's pool, whose threads the disconnect itself needs), which ends after that
     * sleep, and this thread waits on the token's listener.
     */
    private void cleanDisconnect() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        MqttActionListener listener = PahoListeners.completing(done);
        Thread.ofPlatform().daemon().name(name + "-disconnect").start(() -> {
            try {
                client.disconnect(CLOSE_TIMEOUT.toMillis(), null, listener, MqttReturnCode.RETURN_CODE_SUCCESS,
                        new MqttProperties());
            } catch (MqttException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            done.get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Logger.debug("{}: disconnect: {}", name, e.getCause() == null ? "timed out" : e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void disconnect(boolean clean) {
        try {
            if (client.isConnected()) {
                if (clean) {
                    cleanDisconnect();
                } else {
                    client.disconnectForcibly(0, 100, false);
                }
            }
        } catch (MqttException e) {
            Logger.debug("{}: disconnect: {}", name, PahoFailures.describe(e));
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            Logger.debug("{}: close: {}", name, PahoFailures.describe(e));
        }
    }
}
