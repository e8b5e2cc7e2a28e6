package io.neuromesh.mqtt.internal;

import io.neuromesh.mqtt.OutboundMessage;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.tinylog.Logger;

import java.util.concurrent.atomic.LongAdder;

/**
 * The publish path: sends on the caller's thread while online, waits in the {@link InflightWindow} when the broker's
 * window is full, and keeps messages in the {@link OfflineBuffer} while offline, flushing them in order before
 * anything published after a reconnect. One lock orders all sends, so a flush cannot interleave with new publishes.
 */
final class Publisher {

    private final String name;
    private final MqttAsyncClient client;
    private final Object sendLock = new Object();
    private final OfflineBuffer offline;
    private final InflightWindow window = new InflightWindow();
    private final LongAdder published = new LongAdder();
    /** True once subscriptions are restored and the buffer is flushed; written under sendLock. */
    private volatile boolean online;
    private volatile boolean closed;

    Publisher(String name, MqttAsyncClient client, int offlineBufferSize) {
        this.name = name;
        this.client = client;
        this.offline = new OfflineBuffer(name, offlineBufferSize);
    }

    /** Sends now, or buffers while offline; blocks only while the broker's in-flight window is full. */
    void publish(OutboundMessage message) {
        synchronized (sendLock) {
            if (closed) {
                Logger.debug("{}: publish on {} dropped: link is closed", name, message.topic());
                return;
            }
            if (!online || !offline.isEmpty()) {
                offline.add(message);
                return;
            }
            if (!send(message)) {
                offline.add(message);
            }
        }
    }

    /** After a (re)connect: flushes the offline buffer in order, then sends new publishes directly. */
    void goOnline() {
        synchronized (sendLock) {
            // Buffered publishes go out before anything published after the reconnect.
            while (!offline.isEmpty() && client.isConnected()) {
                if (!send(offline.oldest())) {
                    break;
                }
                offline.removeOldest();
            }
            online = client.isConnected() && offline.isEmpty();
        }
    }

    /** The connection is gone: publishes are buffered until {@link #goOnline()}. */
    void goOffline() {
        synchronized (sendLock) {
            online = false;
        }
    }

    /** The link closed or failed for good: publishes are dropped. */
    void close() {
        closed = true;
        goOffline();
    }

    /** Called by Paho for every completed delivery; never blocks. */
    void deliveryComplete() {
        window.released();
    }

    /** Sends now, waiting while the broker's in-flight window is full; false when the connection is gone. */
    private boolean send(OutboundMessage message) {
        var paho = PahoMessages.toPaho(message);
        while (true) {
            long ticket = window.ticket();
            try {
                client.publish(message.topic(), paho);
                published.increment();
                return true;
            } catch (MqttException e) {
                if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    window.awaitReleaseSince(ticket);
                } else if (!client.isConnected()) {
                    return false;
                } else {
                    Logger.warn("{}: publish to {} failed: {}", name, message.topic(), PahoFailures.describe(e));
                    return true;
                }
            }
        }
    }

    long published() {
        return published.sum();
    }

    int buffered() {
        synchronized (sendLock) {
            return offline.size();
        }
    }

    long dropped() {
        return offline.dropped();
    }
}
