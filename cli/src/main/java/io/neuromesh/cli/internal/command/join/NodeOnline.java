package io.neuromesh.cli.internal.command.join;

import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.options.BrokerOptions;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.NodeState;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.NodeStatusCodec;
import io.neuromesh.edge.wire.WireFormatException;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Waits until a node announces itself online with an instance started after a given instant, reading its retained
 * status the way the fleet does. A plain link rather than the fleet client, so that a node's own user (which may read
 * statuses but not subscribe to a client's reply topic) can do it.
 */
final class NodeOnline {

    private NodeOnline() {
    }

    /**
     * @param startedAfter an instance started before it (the one a restart replaced) does not count
     * @return how long it took
     * @throws CommandFailedException when the node is not online within {@code timeout}
     */
    static Duration await(BrokerOptions broker, String node, Instant startedAfter, Duration timeout)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        BlockingQueue<NodeStatus> statuses = new LinkedBlockingQueue<>();
        try (MqttLink link = broker.link()) {
            link.subscribe(Subscription.of(Topics.nodeStatus(node)), message -> {
                try {
                    // Only liveness counts here: a compact heartbeat needs no status held before it.
                    statuses.add(NodeStatusCodec.decode(message.payload(), null));
                } catch (WireFormatException ignored) {
                    // Not a status this version reads; a later one will be.
                }
            });
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                NodeStatus status = statuses.poll(left, TimeUnit.NANOSECONDS);
                if (status != null && status.state() == NodeState.ONLINE
                        && status.running().map(r -> !r.since().isBefore(startedAfter)).orElse(false)) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            }
        }
        throw new CommandFailedException("node " + node + " did not come online within " + timeout.toSeconds()
                + " s; see journalctl -u " + JoinCommand.UNIT);
    }
}
