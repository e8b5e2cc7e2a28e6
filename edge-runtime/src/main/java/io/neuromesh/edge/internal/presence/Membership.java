package io.neuromesh.edge.internal.presence;

import io.neuromesh.edge.wire.NodeState;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * This node's view of which nodes are online, from the retained statuses and heartbeats on
 * {@code neuromesh/nodes/+/status}. A node is online while its last status says {@code online} and it was heard from
 * within the offline timeout; a Last Will ({@code offline}) or a graceful {@code leaving} takes it out at once.
 * This node always counts itself. Thread-safe: fed on the runtime's presence thread, read by the brain thread.
 *
 * <p>Silence only counts while this node can hear: when its own process stalled (a long GC pause, SIGSTOP) or its
 * connection was down, it gives every peer the benefit of the doubt ({@link #forgive(long)}) rather than declaring the
 * whole fleet dead and taking over every neuron.
 */
final class Membership {

    /** What a node last said about itself. */
    record Peer(NodeState state, long heardNanos, List<String> neurons) {
    }

    private final String self;
    private final long timeoutNanos;
    private final LongSupplier nanos;
    private final Map<String, Peer> peers = new HashMap<>();
    private SortedSet<String> online;

    Membership(String self, long timeoutNanos, LongSupplier nanos) {
        this.self = self;
        this.timeoutNanos = timeoutNanos;
        this.nanos = nanos;
        this.online = compute();
    }

    /**
     * A status arrived; {@code ageMillis} is how old it already was (a retained status from before we subscribed).
     *
     * @return true when the set of online nodes changed
     */
    synchronized boolean onStatus(String node, NodeState state, long ageMillis, List<String> neurons) {
        if (node.equals(self)) {
            return false;
        }
        long heard = nanos.getAsLong() - Math.max(0, ageMillis) * 1_000_000;
        Peer known = peers.get(node);
        if (known != null) {
            // A retained status replayed after a reconnect is not news: it must not make the peer look older.
            heard = Math.max(heard, known.heardNanos());
        }
        peers.put(node, new Peer(state, heard, List.copyOf(neurons)));
        return refresh();
    }

    /** Re-evaluates timeouts; true when the set of online nodes changed. */
    synchronized boolean refresh() {
        SortedSet<String> next = compute();
        if (next.equals(online)) {
            return false;
        }
        online = next;
        return true;
    }

    /**
     * This node could not listen for {@code deafNanos} (its process stalled, or its connection was down): that time
     * does not count as silence of its peers. Returns true when the set changed.
     */
    synchronized boolean forgive(long deafNanos) {
        long now = nanos.getAsLong();
        peers.replaceAll((node, peer) -> new Peer(peer.state(), Math.min(now, peer.heardNanos() + deafNanos),
                peer.neurons()));
        return refresh();
    }

    private SortedSet<String> compute() {
        SortedSet<String> nodes = new TreeSet<>();
        nodes.add(self);
        long now = nanos.getAsLong();
        peers.forEach((node, peer) -> {
            if (peer.state() == NodeState.ONLINE && now - peer.heardNanos() <= timeoutNanos) {
                nodes.add(node);
            }
        });
        return nodes;
    }

    /** The nodes online now, this one included, sorted. */
    synchronized SortedSet<String> online() {
        return online;
    }

    /** True when some online node other than this one reports hosting {@code neuron}. */
    synchronized boolean hostedElsewhere(String neuron) {
        for (String node : online) {
            Peer peer = peers.get(node);
            if (peer != null && peer.neurons().contains(neuron)) {
                return true;
            }
        }
        return false;
    }
}
