package io.neuromesh.bench.internal.fleet;

import io.neuromesh.bench.internal.child.ChildProcess;
import io.neuromesh.edge.Topics;
import io.neuromesh.mqtt.InboundMessage;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Watches every node's live status and tells when a node started as a process reports online, timestamped on the
 * MQTT client's own thread.
 */
public final class OnlineWatch implements AutoCloseable {

    /** A node's online status and when it arrived. */
    private record Online(String node, long nanos) {
    }

    private final MqttLink link;
    private final LinkedBlockingQueue<Online> online = new LinkedBlockingQueue<>();

    /** Subscribes to the status topics; returns once the broker acknowledged. */
    public OnlineWatch(URI broker) {
        this.link = Links.connect(broker, "online-watch");
        link.subscribe(List.of(Subscription.of(Topics.ALL_STATUSES, Qos.AT_LEAST_ONCE)), Links.DIRECT,
                (InboundMessage m) -> {
                    if (!m.retained() && m.payloadText().contains("\"state\":\"online\"")) {
                        online.add(new Online(Topics.nodeOf(m.topic()), System.nanoTime()));
                    }
                });
    }

    /**
     * Waits for {@code node}'s online status, dropping other nodes' statuses seen before it.
     *
     * @return {@link System#nanoTime()} when it arrived
     * @throws TimeoutException when it does not arrive within {@code timeout} or {@code child} exits first; the
     *                          message has the last line of the child's standard error
     */
    public long await(String node, ChildProcess child, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Online next = online.poll(100, TimeUnit.MILLISECONDS);
            if (next != null && node.equals(next.node())) {
                return next.nanos();
            }
            if (next == null && !child.isAlive()) {
                throw new TimeoutException("edge " + node + " exited before it was online" + child.lastError());
            }
        }
        throw new TimeoutException("edge " + node + " not online within " + timeout.toSeconds() + " s"
                + child.lastError());
    }

    @Override
    public void close() {
        link.close();
    }
}
