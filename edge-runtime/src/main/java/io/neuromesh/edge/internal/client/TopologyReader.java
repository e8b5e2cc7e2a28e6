package io.neuromesh.edge.internal.client;

import io.neuromesh.edge.FleetTopology;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.AppliedHistory;
import io.neuromesh.edge.wire.AppliedHistoryCodec;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.WireFormatException;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Subscription;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyException;
import org.tinylog.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads the fleet's topology from the broker with evidence, not with a guess: a round trip proves the broker answers;
 * then, for each hash the online nodes report running, the reader waits (up to the caller's timeout) for the document
 * with that hash, on {@code neuromesh/topology} or in the applied history. Only what does not arrive in time is left
 * out, and the caller says so as a timeout.
 *
 * <p>Threading: each call blocks the calling thread (never a client callback thread).
 */
final class TopologyReader {

    private final MqttLink link;
    private final Supplier<Map<String, NodeStatus>> statuses;
    private final Consumer<Duration> roundTrip;

    /**
     * @param roundTrip a round trip through the broker that throws when it does not come back within the duration
     */
    TopologyReader(MqttLink link, Supplier<Map<String, NodeStatus>> statuses, Consumer<Duration> roundTrip) {
        this.link = link;
        this.statuses = statuses;
        this.roundTrip = roundTrip;
    }

    FleetTopology read(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RetainedBox box = new RetainedBox();
        List<String> subscribed = new ArrayList<>(List.of(Topics.TOPOLOGY, Topics.TOPOLOGY_HISTORY));
        subscribed.forEach(topic -> link.subscribe(Subscription.of(topic), box::put));
        try {
            roundTrip.accept(timeout);
            Map<String, NodeStatus> nodes = statuses.get();
            // Parsing and hashing a large document takes a second or more. The read of the latest retained payload
            // parses it once, here (only when the online nodes run something whose document it may be) or later
            // for the caller, which gets this read.
            FleetTopology read = new FleetTopology(nodes, Optional.empty(), Optional.empty(), Map.of());
            Set<String> needed = read.runningHashes();
            Map<String, Topology> documents = new HashMap<>();
            while (true) {
                Optional<byte[]> retained = box.get(Topics.TOPOLOGY);
                if (retained.isPresent() && retained.get() != read.retained().orElse(null)) {
                    read = new FleetTopology(nodes, retained, Optional.empty(), Map.of());
                    if (!needed.isEmpty()) {
                        read.retainedTopology().ifPresent(t -> {
                            String hash = t.contentHash();
                            if (needed.contains(hash)) {
                                documents.put(hash, t);
                            }
                        });
                    }
                }
                Optional<AppliedHistory> history = box.get(Topics.TOPOLOGY_HISTORY).flatMap(TopologyReader::history);
                boolean waiting = false;
                for (String hash : needed) {
                    if (documents.containsKey(hash)) {
                        continue;
                    }
                    Optional<AppliedHistory.Revision> revision = history.flatMap(h -> h.revisions().stream()
                            .filter(r -> r.hash().equals(hash)).findFirst());
                    if (revision.isEmpty()) {
                        // Without a history yet, it may still arrive; with one that lacks the hash, nothing will.
                        waiting |= box.get(Topics.TOPOLOGY_HISTORY).isEmpty();
                        continue;
                    }
                    String topic = Topics.topologyRevision(revision.get().rev());
                    if (!subscribed.contains(topic)) {
                        subscribed.add(topic);
                        link.subscribe(Subscription.of(topic), box::put);
                    }
                    Optional<byte[]> document = box.get(topic);
                    if (document.isEmpty()) {
                        waiting = true;
                    } else {
                        parse(document.get()).filter(t -> t.contentHash().equals(hash))
                                .ifPresent(t -> documents.put(hash, t));
                    }
                }
                // Nodes run a topology, so one is retained unless someone cleared it: wait for it too.
                waiting |= !needed.isEmpty() && box.get(Topics.TOPOLOGY).isEmpty();
                if (!waiting || !box.awaitNext(deadline)) {
                    return read.with(history, documents);
                }
            }
        } finally {
            link.unsubscribe(subscribed);
        }
    }

    /**
     * The applied history. It is waited for when the online nodes all run one topology (then the fleet has written
     * it, or is about to); otherwise a round trip decides.
     */
    AppliedHistory history(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RetainedBox box = new RetainedBox();
        link.subscribe(Subscription.of(Topics.TOPOLOGY_HISTORY), box::put);
        try {
            roundTrip.accept(timeout);
            FleetTopology fleet = new FleetTopology(statuses.get(), Optional.empty(), Optional.empty(), Map.of());
            boolean expected = fleet.runningHashes().size() == 1 && !fleet.disagrees();
            while (box.get(Topics.TOPOLOGY_HISTORY).isEmpty()) {
                if (!expected) {
                    return AppliedHistory.EMPTY;
                }
                if (!box.awaitNext(deadline)) {
                    throw Timeouts.noAnswer(timeout, "the online nodes run rev " + fleet.leader().orElseThrow().rev()
                            + ", but no applied history arrived on " + Topics.TOPOLOGY_HISTORY);
                }
            }
            byte[] payload = box.get(Topics.TOPOLOGY_HISTORY).get();
            try {
                return payload.length == 0 ? AppliedHistory.EMPTY : AppliedHistoryCodec.decode(payload);
            } catch (WireFormatException e) {
                throw new IllegalStateException(Topics.TOPOLOGY_HISTORY + " holds no readable history: "
                        + e.getMessage());
            }
        } finally {
            link.unsubscribe(List.of(Topics.TOPOLOGY_HISTORY));
        }
    }

    /** The document of one applied revision, checked against its hash. */
    Topology revision(AppliedHistory.Revision revision, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String topic = Topics.topologyRevision(revision.rev());
        RetainedBox box = new RetainedBox();
        link.subscribe(Subscription.of(topic), box::put);
        try {
            roundTrip.accept(timeout);
            while (box.get(topic).isEmpty()) {
                if (!box.awaitNext(deadline)) {
                    throw Timeouts.noAnswer(timeout, "the document of rev " + revision.rev() + " did not arrive on "
                            + topic);
                }
            }
            Topology topology;
            try {
                topology = Topology.parse(box.get(topic).get());
            } catch (TopologyException e) {
                throw new IllegalStateException(topic + " is not a valid topology: " + e.errors().get(0));
            }
            if (!topology.contentHash().equals(revision.hash())) {
                throw new IllegalStateException(topic + " holds a document with hash " + topology.shortHash()
                        + ", not the applied rev " + revision.rev() + "'s " + revision.shortHash());
            }
            return topology;
        } finally {
            link.unsubscribe(List.of(topic));
        }
    }

    private static Optional<Topology> parse(byte[] payload) {
        try {
            return payload.length == 0 ? Optional.empty() : Optional.of(Topology.parse(payload));
        } catch (TopologyException e) {
            return Optional.empty();
        }
    }

    private static Optional<AppliedHistory> history(byte[] payload) {
        try {
            return payload.length == 0 ? Optional.empty() : Optional.of(AppliedHistoryCodec.decode(payload));
        } catch (WireFormatException e) {
            Logger.debug("ignoring the history on {}: {}", Topics.TOPOLOGY_HISTORY, e.getMessage());
            return Optional.empty();
        }
    }
}
