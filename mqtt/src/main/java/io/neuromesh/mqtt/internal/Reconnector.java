package io.neuromesh.mqtt.internal;

import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.mqtt.LinkListener;
import io.neuromesh.mqtt.LinkState;
import io.neuromesh.mqtt.LoginRefusedException;
import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.mqtt.SessionMode;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.tinylog.Logger;

import javax.net.SocketFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Connection and reconnect. Paho's own automatic reconnect is not used: Paho 1.2.5 neither retries a first
 * connection nor restores subscriptions. One control thread does all connecting and restoring, retrying with the
 * configured {@link io.neuromesh.mqtt.Backoff}, so attempts never race; Paho's callback thread only hands a lost
 * connection over to it.
 */
final class Reconnector {

    /** What the link does around a connection, on the control thread. */
    interface Session {
        /**
         * Connected: restore subscriptions and flush buffers. Throws {@link MqttLinkException} to retry.
         *
         * @param limits what the broker's CONNACK allows this connection
         */
        void restore(BrokerLimits limits);

        /** The connection is gone (the link may reconnect, or have failed for good). */
        void lost();
    }

    /** MQTT 5 reason code of a DISCONNECT sent because another client connected with our client id. */
    private static final int SESSION_TAKEN_OVER = 0x8E;
    /** A connection that lasted this long was healthy: its loss restarts the reconnect backoff. */
    private static final Duration STABLE_CONNECTION = Duration.ofSeconds(5);

    private final LinkConfig config;
    private final String name;
    private final MqttAsyncClient client;
    private final Session session;
    private final ScheduledThreadPoolExecutor control;
    private final SocketFactory sockets;
    private final List<LinkListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> firstConnection = new CompletableFuture<>();
    private final AtomicLong connects = new AtomicLong();

    private volatile LinkState state = LinkState.NEW;
    /** Why the latest connection attempt failed, for the message of a start that timed out. */
    private volatile String lastFailure;
    // Confined to the control thread:
    private int failedAttempts;
    private long connectedAtNanos;
    private boolean sessionWiped;

    Reconnector(LinkConfig config, String name, MqttAsyncClient client, Session session) {
        this.config = config;
        this.name = name;
        this.client = client;
        this.session = session;
        this.sockets = ConnectionOptions.sockets(config);
        this.control = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name(name + "-control-", 1).factory());
        this.control.setRemoveOnCancelPolicy(true);
    }

    void addListener(LinkListener listener) {
        listeners.add(listener);
    }

    LinkState state() {
        return state;
    }

    long connects() {
        return connects.get();
    }

    /** Starts the first attempt in the background. */
    void start() {
        state = LinkState.CONNECTING;
        control.execute(this::connectAttempt);
    }

    /**
     * Waits for the first connection (at once when it was made).
     *
     * @throws MqttLinkException naming the broker and the last failure when it is not made within {@code timeout}
     */
    void awaitFirstConnection(Duration timeout) {
        try {
            firstConnection.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String reason = lastFailure;
            throw new MqttLinkException("cannot connect to " + config.broker() + " within " + Durations.text(timeout)
                    + ": " + (reason == null ? "no answer" : reason));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LoginRefusedException refused) {
                throw new LoginRefusedException(refused.getMessage(), refused);
            }
            throw new MqttLinkException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqttLinkException("interrupted while connecting to " + config.broker());
        }
        if (state == LinkState.CLOSED || state == LinkState.FAILED) {
            throw new MqttLinkException("link " + config.clientId() + " is " + state.name().toLowerCase());
        }
    }

    /** Stops reconnecting for good; the caller disconnects the client. */
    void close() {
        state = LinkState.CLOSED;
        firstConnection.completeExceptionally(new MqttLinkException("link " + config.clientId() + " was closed"));
        control.shutdownNow();
    }

    /** Paho's callback thread: describe the loss and hand it to the control thread; never blocks. */
    void disconnected(MqttDisconnectResponse response) {
        int code = response == null ? -1 : response.getReturnCode();
        String reason = response == null ? "unknown"
                : response.getException() != null ? PahoFailures.describe(response.getException())
                : PahoFailures.disconnect(code, response.getReasonString());
        try {
            control.execute(() -> handleDisconnect(code, reason));
        } catch (RejectedExecutionException closing) {
            Logger.debug("{}: disconnected while closing", name);
        }
    }

    private void connectAttempt() {
        if (state == LinkState.CLOSED || state == LinkState.FAILED) {
            return;
        }
        BrokerLimits limits;
        try {
            if (config.session() == SessionMode.FRESH_THEN_PERSISTENT && !sessionWiped) {
                wipeSession();
            }
            IMqttToken connected = client.connect(ConnectionOptions.of(config, sockets));
            connected.waitForCompletion(config.connectTimeout().toMillis() + 1000);
            limits = BrokerLimits.of(connected.getResponseProperties());
            PahoTopicAliases.disable(client);
        } catch (MqttException e) {
            String reason = PahoFailures.connectFailure(e, config);
            // An attempt given up on here (no CONNACK in time: a loaded broker or machine) goes on inside Paho, and
            // its CONNACK may still come: every later connect() then failed with "Client is connected" while nothing
            // was subscribed or announced, for good (seen with 100 nodes on two cores). Start the next one clean.
            forceDisconnect();
            if (PahoFailures.refusedLogin(e) && connects.get() == 0) {
                // Retrying cannot fix a wrong password or a missing user: say so at once instead of timing out.
                state = LinkState.FAILED;
                lastFailure = reason;
                firstConnection.completeExceptionally(new LoginRefusedException(PahoFailures.login(config, e), e));
                return;
            }
            Duration delay = retryLater(reason);
            if (delay != null) {
                for (LinkListener listener : listeners) {
                    try {
                        listener.connectFailed(reason, delay);
                    } catch (RuntimeException failed) {
                        Logger.warn(failed, "{}: connection listener failed", name);
                    }
                }
            }
            return;
        }
        boolean reconnect = connects.getAndIncrement() > 0;
        try {
            session.restore(limits);
        } catch (MqttLinkException e) {
            Logger.warn("{}: restoring subscriptions failed: {}", name, e.getMessage());
            forceDisconnect();
            retryLater("resubscribe failed");
            return;
        }
        // Debug only: the owner says it in its own words (listeners), as it does for the failed attempts.
        Logger.debug("{}: connected to {} (after {} failed attempts)", name, config.broker(), failedAttempts);
        connectedAtNanos = System.nanoTime();
        state = LinkState.CONNECTED;
        for (LinkListener listener : listeners) {
            try {
                listener.connected(reconnect);
            } catch (RuntimeException e) {
                Logger.warn(e, "{}: connection listener failed", name);
            }
        }
        // After the listeners: what they do on connecting (e.g. announce the owner) is done when start() returns.
        firstConnection.complete(null);
    }

    /**
     * Starts the session afresh: a short clean connection with no session expiry ends the old one, then the real
     * connection creates a persistent session. (Connecting with clean start and an expiry directly is not enough:
     * Mosquitto 2.0 does not restore such a session after its own restart.)
     */
    private void wipeSession() throws MqttException {
        try {
            SessionWiper.wipe(sockets, config.broker(), config.clientId(), config.credentials(),
                    config.connectTimeout());
        } catch (IOException e) {
            throw new MqttException(MqttException.REASON_CODE_CLIENT_EXCEPTION, e);
        }
        sessionWiped = true;
    }

    /** Schedules the next attempt; returns its delay, or null when the link stops trying. */
    private Duration retryLater(String reason) {
        if (state == LinkState.CLOSED || state == LinkState.FAILED) {
            return null;
        }
        lastFailure = reason;
        Duration delay = config.reconnect().delayBefore(failedAttempts + 1, ThreadLocalRandom.current());
        Logger.debug("{}: broker {}: attempt {} failed ({}); next in {} ms", name, config.broker(), failedAttempts + 1,
                reason, delay.toMillis());
        failedAttempts++;
        try {
            control.schedule(this::connectAttempt, delay.toNanos(), TimeUnit.NANOSECONDS);
            return delay;
        } catch (RejectedExecutionException closing) {
            Logger.debug("{}: no reconnect: closing", name);
            return null;
        }
    }

    private void forceDisconnect() {
        try {
            client.disconnectForcibly(0, 100, false);
        } catch (MqttException e) {
            Logger.debug("{}: forced disconnect: {}", name, e.getMessage());
        }
    }

    private void handleDisconnect(int code, String reason) {
        session.lost();
        if (state == LinkState.CLOSED) {
            return;
        }
        if (code == SESSION_TAKEN_OVER) {
            state = LinkState.FAILED;
            Logger.error("{}: another client connected with the client id '{}'; this one stops (run each node id once)",
                    name, config.clientId());
            firstConnection.completeExceptionally(new MqttLinkException("client id '" + config.clientId()
                    + "' was taken over by another connection"));
        } else {
            state = LinkState.CONNECTING;
            Logger.warn("{}: connection to {} lost: {}", name, config.broker(), reason);
        }
        for (LinkListener listener : listeners) {
            try {
                listener.disconnected(reason);
            } catch (RuntimeException e) {
                Logger.warn(e, "{}: disconnect listener failed", name);
            }
        }
        if (state == LinkState.CONNECTING) {
            // A connection that lived long starts the backoff over; one dropped soon after it was made (another
            // client with our id, a broker refusing us) keeps growing the delay, so two clients cannot flap forever.
            if (System.nanoTime() - connectedAtNanos > STABLE_CONNECTION.toNanos()) {
                failedAttempts = 0;
            }
            retryLater(reason);
        }
    }
}
