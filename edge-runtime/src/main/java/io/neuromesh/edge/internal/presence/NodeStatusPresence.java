package io.neuromesh.edge.internal.presence;

import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.HeartbeatForm;
import io.neuromesh.edge.wire.NodeState;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.NodeStatusCodec;
import io.neuromesh.edge.wire.WireFormatException;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.presence.Announcement;
import io.neuromesh.mqtt.presence.PresenceCodec;

import java.time.Duration;
import java.time.Instant;

/**
 * Node statuses ({@link NodeStatusCodec}) as the presence component reads and writes them. Only an
 * {@link NodeState#ONLINE} node counts online: a {@code leaving} or {@code offline} status takes it out at once. A
 * retained status is aged by its {@code ts}, so a stale one does not make a dead node look alive. A watching node
 * ({@link #watching}) allows a peer that announces a longer heartbeat interval ({@code heartbeatMs}) as many missed
 * heartbeats as it allows at its own interval.
 *
 * <p>A node hosting more than {@link #COMPACT_ABOVE_NEURONS} neurons says so in its status
 * ({@link HeartbeatForm#COMPACT}, {@link #heartbeatsFor}) and sends the heartbeats that only refresh liveness as
 * compact, not-retained heartbeats ({@link NodeStatusCodec#encodeHeartbeat}): the retained status stays the full one,
 * for new subscribers, and is re-published whenever anything else changes, and at least every
 * {@link #FULL_EVERY_BEATS} heartbeats. Every other node's heartbeat is its full status, retained. Immutable.
 */
public final class NodeStatusPresence implements PresenceCodec<NodeStatus> {

    /**
     * A full status goes (retained) after at most this many heartbeat intervals even when only liveness changed: it
     * bounds how long a reader that lost a full status (a bridge forwarding at QoS 0, a retained status cleared by
     * hand) keeps an unknown hosted set, for about 3 % of the bytes of a full status every heartbeat.
     */
    static final int FULL_EVERY_BEATS = 30;

    /**
     * Heartbeats go compact only for a node hosting more than this many neurons. Below it the full status is a few KB
     * (about 6 KB at 1,000 ids of the bench's length) and every heartbeat stays the full retained status, exactly as
     * before compact heartbeats existed: common fleets, the contract and one-shot readers ({@code mosquitto_sub -C 1},
     * {@code neuromesh nodes}), whose retained copy is then never more than one heartbeat old, see no change. Above
     * it a full status every heartbeat is the bulk of a fleet's idle traffic (752 KB at 100,000 neurons).
     */
    public static final int COMPACT_ABOVE_NEURONS = 1_000;

    /** Reads and writes statuses; silence is left to the watcher's own {@code offlineAfter}. */
    public static final NodeStatusPresence CODEC = new NodeStatusPresence(null, null);

    private final Duration offlineAfter;
    /** offlineAfter / heartbeat of the watching node: the heartbeats it lets a peer miss (3.5 by default). */
    private final Double missedBeats;

    private NodeStatusPresence(Duration offlineAfter, Double missedBeats) {
        this.offlineAfter = offlineAfter;
        this.missedBeats = missedBeats;
    }

    /**
     * The codec of a node that beats every {@code heartbeat} and counts a silent peer gone after {@code offlineAfter}:
     * a peer announcing a heartbeat interval of {@code h} counts gone after {@code max(offlineAfter, h x offlineAfter
     * / heartbeat)}.
     */
    public static NodeStatusPresence watching(Duration heartbeat, Duration offlineAfter) {
        return new NodeStatusPresence(offlineAfter, (double) offlineAfter.toNanos() / heartbeat.toNanos());
    }

    /**
     * What node {@code node} announces: its status every {@code heartbeat} at QoS 0 (the next one supersedes a lost
     * one; changes go at QoS 1), its Last Will {@code offline} with reason {@code connection lost}.
     */
    public static Announcement<NodeStatus> announcement(String node, Duration heartbeat) {
        return new Announcement<>(Topics.nodeStatus(node), CODEC, heartbeat, Qos.AT_MOST_ONCE,
                NodeStatus.offline(node, NodeStatus.CONNECTION_LOST, Instant.now()));
    }

    /** How a node hosting {@code hosted} neurons sends its heartbeats ({@link #COMPACT_ABOVE_NEURONS}). */
    public static HeartbeatForm heartbeatsFor(int hosted) {
        return hosted > COMPACT_ABOVE_NEURONS ? HeartbeatForm.COMPACT : HeartbeatForm.FULL;
    }

    @Override
    public byte[] encode(NodeStatus status) {
        return NodeStatusCodec.encode(status);
    }

    /**
     * A compact heartbeat when {@code status} says its heartbeats are compact, only liveness changed since
     * {@code retained} and that is recent enough; else null (the full status, retained).
     */
    @Override
    public byte[] encodeHeartbeat(NodeStatus status, NodeStatus retained) {
        if (status.running().filter(r -> r.heartbeats() == HeartbeatForm.COMPACT).isEmpty()) {
            return null;
        }
        Duration beat = status.running().flatMap(NodeStatus.Running::heartbeat).orElse(null);
        boolean due = beat == null || !Duration.between(retained.timestamp(), status.timestamp())
                .minus(beat.multipliedBy(FULL_EVERY_BEATS)).isNegative();
        return due || !NodeStatusCodec.onlyLivenessDiffers(retained, status) ? null
                : NodeStatusCodec.encodeHeartbeat(status);
    }

    @Override
    public NodeStatus decode(String node, byte[] payload) {
        return decode(node, payload, null);
    }

    @Override
    public NodeStatus decode(String node, byte[] payload, NodeStatus held) {
        NodeStatus status;
        try {
            status = NodeStatusCodec.decode(payload, held);
        } catch (WireFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!status.node().equals(node)) {
            throw new IllegalArgumentException("node: the status on " + Topics.nodeStatus(node) + " names node "
                    + status.node());
        }
        return status;
    }

    @Override
    public boolean online(NodeStatus status) {
        return status.state() == NodeState.ONLINE;
    }

    @Override
    public boolean lastWill(NodeStatus status) {
        return status.unconfirmedWill();
    }

    @Override
    public Instant sentAt(NodeStatus status) {
        return status.timestamp();
    }

    @Override
    public Duration offlineAfter(NodeStatus status) {
        if (missedBeats == null) {
            return null;
        }
        return status.running().flatMap(NodeStatus.Running::heartbeat).map(this::allowance).orElse(offlineAfter);
    }

    /**
     * The silence a watching node ({@link #watching}) allows a peer that announces the heartbeat interval
     * {@code beat}: {@code max(offlineAfter, beat x offlineAfter / heartbeat)}. A node announces what it would allow
     * itself ({@code offlineAfterMs}), which is what its peers allow it when they are set as it is.
     */
    public Duration allowance(Duration beat) {
        Duration scaled = Duration.ofNanos((long) (beat.toNanos() * missedBeats));
        return scaled.compareTo(offlineAfter) > 0 ? scaled : offlineAfter;
    }

    @Override
    public Duration interval(NodeStatus status) {
        return status.running().flatMap(NodeStatus.Running::heartbeat).orElse(null);
    }
}
