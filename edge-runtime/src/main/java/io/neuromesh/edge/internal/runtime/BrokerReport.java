package io.neuromesh.edge.internal.runtime;

import io.neuromesh.mqtt.LinkListener;
import org.tinylog.Logger;

import java.net.URI;
import java.time.Duration;

/**
 * Says plainly, on every failed attempt, that the node cannot reach its broker and when it tries again, at start and
 * after a connection loss alike, and says when it is back. Runs on the link's control thread.
 */
final class BrokerReport implements LinkListener {

    private final String node;
    private final URI broker;

    BrokerReport(String node, URI broker) {
        this.node = node;
        this.broker = broker;
    }

    @Override
    public void connectFailed(String reason, Duration retryIn) {
        Logger.warn("node {}: cannot reach the broker at {} ({}); retrying in {}", node, broker, reason,
                text(retryIn));
    }

    @Override
    public void connected(boolean reconnect) {
        if (reconnect) {
            Logger.info("node {}: connected to {} again; running", node, broker);
        }
    }

    /** "2s", "1.6s", "150ms": the backoff's jitter makes most delays fractional. */
    static String text(Duration delay) {
        long millis = delay.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        long tenths = Math.round(millis / 100.0);
        return tenths % 10 == 0 ? tenths / 10 + "s" : tenths / 10 + "." + tenths % 10 + "s";
    }
}
