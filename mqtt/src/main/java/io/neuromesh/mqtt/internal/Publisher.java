package io.neuromesh.mqtt.internal;

import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.mqtt.OutboundMessage;
import io.neuromesh.mqtt.PublishRefusedException;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.tinylog.Logger;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The publish path: sends on the caller's thread while online, waits in the {@link InflightWindow} when the broker's
 * window is full, and keeps messages in the {@link OfflineBuffer} while offline, flushing them in order before
 * anything published after a reconnect. One lock orders all sends, so a flush cannot interleave with new publishes.
 * An acknowledged publish is not buffered: it waits (at most its timeout) until the link is online, then waits for
 * the broker's PUBACK. {@link #tryPublish} never waits, neither for the lock nor for the window: it may run on
 * Paho's callback thread, which a waiting publisher may need (its deliveryComplete frees the window).
 */
final class Publisher {

    private final String name;
    private final MqttAsyncClient client;
    private final ReentrantLock sendLock = new ReentrantLock();
    /** Signalled when the link goes online, offline or closes. */
    private final Condition stateChanged = sendLock.newCondition();
    private final OfflineBuffer offline;
    private final InflightWindow window = new InflightWindow();
    /**
     * Paho calls it once for every publish handed over, when it completes or fails (a lost connection fails those
     * queued and in flight), on its callback thread. Paho's deliveryComplete callback would miss the failures.
     */
    private final MqttActionListener completion = PahoListeners.whenDone(window::released);
    private final LongAdder published = new LongAdder();
    /** True once subscriptions are restored and the buffer is flushed; written under sendLock. */
    private volatile boolean online;
    /** The broker's Receive Maximum of the current connection: {@link #tryPublish}'s bound of outstanding publishes. */
    private volatile int receiveMaximum = BrokerLimits.DEFAULT_RECEIVE_MAXIMUM;
    private volatile boolean closed;

    Publisher(String name, MqttAsyncClient client, int offlineBufferSize) {
        this.name = name;
        this.client = client;
        this.offline = new OfflineBuffer(name, offlineBufferSize);
    }

    /** What a publish that cannot be sent now becomes. */
    private enum Offline { BUFFER, DROP }

    /** Sends now, or buffers while offline; blocks only while the broker's in-flight window is full. */
    void publish(OutboundMessage message) {
        sendOr(message, Offline.BUFFER);
    }

    /**
     * Sends now, or drops the message when offline (the connection gone, whether or not the loss was handled yet).
     *
     * @return true when sent (or dropped because the link is closed); false when dropped because offline
     */
    boolean publishIfOnline(OutboundMessage message) {
        return sendOr(message, Offline.DROP);
    }

    /**
     * Sends now when online with nothing buffered; otherwise, or when the connection turns out to be gone, buffers
     * the message or drops it.
     *
     * @return true when sent (or dropped because the link is closed); false when buffered or dropped because offline
     */
    private boolean sendOr(OutboundMessage message, Offline whenOffline) {
        sendLock.lock();
        try {
            if (closed) {
                Logger.debug("{}: publish on {} dropped: link is closed", name, message.topic());
                return true;
            }
            if (online && offline.isEmpty() && send(message)) {
                return true;
            }
            if (whenOffline == Offline.BUFFER) {
                offline.add(message);
            }
            return false;
        } finally {
            sendLock.unlock();
        }
    }

    /**
     * Sends now if that needs no wait: the lock is free, the link online with nothing buffered, fewer publishes (of
     * any QoS) outstanding than the broker's Receive Maximum, and Paho takes the message at once. Never blocks.
     *
     * @return true when sent (or dropped because the link is closed, as {@link #publish} would); false when nothing
     *         was done and the caller must publish it with {@link #publish}, after anything it deferred before
     */
    boolean tryPublish(OutboundMessage message) {
        if (!sendLock.tryLock()) {
            return false;
        }
        try {
            if (closed) {
                return true;
            }
            if (!online || !offline.isEmpty() || window.outstanding() >= receiveMaximum) {
                return false;
            }
            hand(message.topic(), PahoMessages.toPaho(message));
            return true;
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT || !client.isConnected()) {
                return false;
            }
            Logger.warn("{}: publish to {} failed: {}", name, message.topic(), PahoFailures.describe(e));
            return true;
        } finally {
            sendLock.unlock();
        }
    }

    /**
     * Sends once online and waits for the broker's acknowledgement, all within {@code timeout}.
     *
     * @throws PublishRefusedException when the PUBACK carries an error reason code
     * @throws MqttLinkException       when no PUBACK arrives in time, the publish fails, or the link closes
     */
    void publishAcknowledged(OutboundMessage message, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        IMqttToken token = sendWhenOnline(message, deadline, timeout);
        try {
            // Paho waits forever for a timeout of 0: never pass less than 1 ms.
            token.waitForCompletion(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttClientException.REASON_CODE_CLIENT_TIMEOUT) {
                throw noAnswer(timeout);
            }
            throw new MqttLinkException("the publish to " + message.topic() + " failed before the broker acknowledged "
                    + "it: " + PahoFailures.describe(e), e);
        }
        // Paho 1.2.5 completes a refused publish like an accepted one: the PUBACK's code is only on the token.
        int[] codes = token.getReasonCodes();
        if (codes != null && codes.length > 0 && codes[0] >= PublishRefusedException.FIRST_ERROR_CODE) {
            var properties = token.getResponseProperties();
            throw new PublishRefusedException(message.topic(), codes[0],
                    properties == null ? null : properties.getReasonString());
        }
    }

    /** Sends as soon as the link is online and the offline buffer flushed; Paho's token for the PUBACK. */
    private IMqttToken sendWhenOnline(OutboundMessage message, long deadline, Duration timeout) {
        sendLock.lock();
        try {
            while (true) {
                if (closed) {
                    throw new MqttLinkException("cannot publish to " + message.topic() + ": the link is closed");
                }
                if (online && offline.isEmpty()) {
                    try {
                        IMqttToken token = trySend(message);
                        if (token != null) {
                            return token;
                        }
                    } catch (MqttException e) {
                        throw new MqttLinkException("the publish to " + message.topic() + " failed: "
                                + PahoFailures.describe(e), e);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw noAnswer(timeout);
                }
                try {
                    // goOnline, goOffline and close notify; the bound covers a connection lost during trySend.
                    stateChanged.awaitNanos(Math.min(left, InflightWindow.MAX_WAIT.toNanos()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MqttLinkException("interrupted while publishing to " + message.topic(), e);
                }
            }
        } finally {
            sendLock.unlock();
        }
    }

    private static MqttLinkException noAnswer(Duration timeout) {
        return new MqttLinkException("no answer from the broker within " + Durations.text(timeout));
    }

    /**
     * After a (re)connect: flushes the offline buffer in order, then sends new publishes directly.
     *
     * @param receiveMaximum the broker's Receive Maximum from this connection's CONNACK
     */
    void goOnline(int receiveMaximum) {
        sendLock.lock();
        try {
            this.receiveMaximum = receiveMaximum;
            // Buffered publishes go out before anything published after the reconnect.
            while (!offline.isEmpty() && client.isConnected()) {
                if (!send(offline.oldest())) {
                    break;
                }
                offline.removeOldest();
            }
            online = client.isConnected() && offline.isEmpty();
            stateChanged.signalAll();
        } finally {
            sendLock.unlock();
        }
    }

    /** The connection is gone: publishes are buffered until {@link #goOnline()}. */
    void goOffline() {
        sendLock.lock();
        try {
            online = false;
            stateChanged.signalAll();
        } finally {
            sendLock.unlock();
        }
    }

    /** The link closed or failed for good: publishes are dropped. */
    void close() {
        closed = true;
        goOffline();
    }

    /** Sends now, waiting while the broker's in-flight window is full; false when the connection is gone. */
    private boolean send(OutboundMessage message) {
        try {
            return trySend(message) != null;
        } catch (MqttException e) {
            Logger.warn("{}: publish to {} failed: {}", name, message.topic(), PahoFailures.describe(e));
            return true;
        }
    }

    /**
     * Sends now, waiting while the broker's in-flight window is full.
     *
     * @return Paho's token, or null when the connection is gone
     * @throws MqttException when Paho refuses the publish while connected
     */
    private IMqttToken trySend(OutboundMessage message) throws MqttException {
        var paho = PahoMessages.toPaho(message);
        while (true) {
            long ticket = window.ticket();
            try {
                return hand(message.topic(), paho);
            } catch (MqttException e) {
                if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    window.awaitReleaseSince(ticket);
                } else if (!client.isConnected()) {
                    return null;
                } else {
                    throw e;
                }
            }
        }
    }

    /** Hands a publish to Paho, counted in the window until Paho reports it completed or failed. */
    private IMqttToken hand(String topic, MqttMessage paho) throws MqttException {
        IMqttToken token = client.publish(topic, paho, null, completion);
        window.handed();
        published.increment();
        return token;
    }

    long published() {
        return published.sum();
    }

    int buffered() {
        sendLock.lock();
        try {
            return offline.size();
        } finally {
            sendLock.unlock();
        }
    }

    long dropped() {
        return offline.dropped();
    }
}
