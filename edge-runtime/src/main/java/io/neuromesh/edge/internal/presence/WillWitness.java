package io.neuromesh.edge.internal.presence;

import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.NodeState;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.mqtt.LinkState;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import org.tinylog.Logger;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Dates a peer's departure: a Last Will is written when its node connects, so its {@code ts} is the connect time,
 * and {@code nodes} would show a node killed a second ago as gone for as long as it had run. When a peer's Last Will
 * arrives while this node heard it online, the lowest-id online node records it, retained, in its own subtree
 * ({@code neuromesh/nodes/<self>/seen/<peer>}, {@link NodeStatus#offlineSeenBy}) with the time it saw it: no node
 * writes another's status (with users on the broker it could not). It clears the record when the peer is back.
 * Readers ({@code FleetClient.nodes()}) date the offline node with it.
 *
 * <p>Threading: the watcher's thread only (the presence listener runs there, never on an MQTT thread); a publish does
 * not block except when the broker's in-flight window is full.
 */
final class WillWitness {

    private final String self;
    private final MqttLink link;
    /** The peers the watcher counts online now (this node excluded). */
    private final Supplier<Set<String>> onlinePeers;
    /** The last status heard from each peer, to tell a Will that ends an online spell from a stale retained one. */
    private final Map<String, NodeStatus> lastHeard = new HashMap<>();
    /** The peers this node recorded as gone and has not cleared yet, with when it saw them go. */
    private final Map<String, Instant> recorded = new HashMap<>();

    WillWitness(String self, MqttLink link, Supplier<Set<String>> onlinePeers) {
        this.self = self;
        this.link = link;
        this.onlinePeers = onlinePeers;
    }

    /** A readable status of {@code peer} arrived; {@code selfOnline}: this node counts itself online. */
    void heard(String peer, NodeStatus status, boolean selfOnline) {
        NodeStatus before = lastHeard.put(peer, status);
        Instant gone = recorded.get(peer);
        // Back only with a status written after it went: a heartbeat sent just before a crash can arrive after the
        // Will (the broker sends the Will on its own), and must not clear the record.
        if (gone != null && status.state() != NodeState.OFFLINE && status.timestamp().isAfter(gone)) {
            recorded.remove(peer);
            publish(peer, new byte[0], "cleared its record of " + peer + " going offline: it is back");
        }
        // A Will for a peer this node never heard online is a retained leftover: no one knows when it went.
        if (!status.unconfirmedWill() || before == null || before.state() == NodeState.OFFLINE || !selfOnline) {
            return;
        }
        Instant seen = Instant.now();
        // The guard against a peer already back: this runs as the Will is heard, in arrival order on the watcher's
        // thread, so nothing newer from the peer has been heard; and the watcher must still count it offline. What
        // remains is the moment between here and the broker storing the copy: a peer that reconnected meanwhile has
        // a record next to its online status; readers use a record only for an offline status older than it.
        if (onlinePeers.get().contains(peer) || !lowestOnline() || link.state() != LinkState.CONNECTED) {
            return;
        }
        NodeStatus confirmed = NodeStatus.offlineSeenBy(peer, NodeStatus.CONNECTION_LOST, seen, self);
        recorded.put(peer, seen);
        publish(peer, NodeStatusPresence.CODEC.encode(confirmed), "recorded when " + peer
                + " went offline (connection lost)");
    }

    private void publish(String peer, byte[] payload, String done) {
        try {
            link.publish(Topics.nodeSeen(self, peer), payload, Qos.AT_LEAST_ONCE, true);
            Logger.info("node {}: {}", self, done);
        } catch (RuntimeException e) {
            Logger.warn("node {}: could not update its record of {}: {}", self, peer, e.toString());
        }
    }

    /** {@code peer}'s retained status was cleared. */
    void forget(String peer) {
        lastHeard.remove(peer);
    }

    /** True when no peer online has a lower id: exactly one online node republishes (two would be harmless). */
    private boolean lowestOnline() {
        return onlinePeers.get().stream().allMatch(peer -> peer.compareTo(self) > 0);
    }
}
