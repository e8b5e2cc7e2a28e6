package io.neuromesh.edge;

import io.neuromesh.edge.wire.AppliedHistory;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fleet's topology as one read of the broker found it ({@link FleetClient#topology}): what the nodes report
 * running, what is retained on {@code neuromesh/topology}, the applied history, and the documents of the hashes the
 * online nodes run. What the fleet <em>runs</em> is what its nodes report; the retained document is only what it is
 * told to run. Immutable; safe to share between threads. The retained document is parsed at most once, when first
 * asked for: a large one takes a second or more.
 *
 * @since 0.1
 */
public final class FleetTopology {

    private final Map<String, NodeStatus> nodes;
    private final Optional<byte[]> retained;
    private final Optional<AppliedHistory> history;
    private final Map<String, Topology> documents;
    /** The retained document as parsed, null until first needed (a benign race: two threads may both parse it). */
    private volatile RetainedDocument parsed;

    /**
     * @param nodes     every node's status, keyed by node id
     * @param retained  the payload retained on {@code neuromesh/topology}, as published; empty when none arrived
     * @param history   the applied history retained on {@code neuromesh/topology/history}; empty when none arrived
     * @param documents the topologies found for the hashes online nodes run (from the retained document or the
     *                  history), keyed by content hash; a hash whose document was not found is absent
     */
    public FleetTopology(Map<String, NodeStatus> nodes, Optional<byte[]> retained, Optional<AppliedHistory> history,
                         Map<String, Topology> documents) {
        this.nodes = Map.copyOf(Objects.requireNonNull(nodes, "nodes: must not be null"));
        this.retained = Objects.requireNonNull(retained, "retained: must not be null; use Optional.empty()");
        this.history = Objects.requireNonNull(history, "history: must not be null; use Optional.empty()");
        this.documents = Map.copyOf(Objects.requireNonNull(documents, "documents: must not be null"));
    }

    /**
     * @param history   the applied history the read found
     * @param documents the topologies it found for the hashes online nodes run
     * @return this read with {@code history} and {@code documents}; a retained document already parsed is not parsed
     *         again
     */
    public FleetTopology with(Optional<AppliedHistory> history, Map<String, Topology> documents) {
        FleetTopology read = new FleetTopology(nodes, retained, history, documents);
        read.parsed = parsed;
        return read;
    }

    /** @return every node's status, keyed by node id */
    public Map<String, NodeStatus> nodes() {
        return nodes;
    }

    /** @return the payload retained on {@code neuromesh/topology}, as published; empty when none arrived */
    public Optional<byte[]> retained() {
        return retained;
    }

    /** @return the applied history retained on {@code neuromesh/topology/history}; empty when none arrived */
    public Optional<AppliedHistory> history() {
        return history;
    }

    /** @return the topologies found for the hashes online nodes run, keyed by content hash */
    public Map<String, Topology> documents() {
        return documents;
    }

    /** @return the online nodes' statuses, sorted by node id */
    public List<NodeStatus> online() {
        return nodes.values().stream().filter(NodeStatus::online).sorted(Comparator.comparing(NodeStatus::node))
                .toList();
    }

    /** @return the ids of the online nodes, sorted */
    public List<String> onlineIds() {
        return online().stream().map(NodeStatus::node).toList();
    }

    /** @return the distinct content hashes online nodes run, highest rev first; nodes running none are left out */
    public Set<String> runningHashes() {
        Set<String> hashes = new LinkedHashSet<>();
        online().stream().filter(s -> !s.hash().isEmpty())
                .sorted(Comparator.comparingLong(NodeStatus::rev).reversed())
                .forEach(s -> hashes.add(s.hash()));
        return hashes;
    }

    /** @return true when at least two online nodes run different topologies */
    public boolean disagrees() {
        return online().stream().map(NodeStatus::hash).distinct().count() > 1;
    }

    /**
     * @return the status of the online node running the highest rev (the lowest node id on ties), which is what
     *         the fleet runs or converges to; empty when no online node runs a topology
     */
    public Optional<NodeStatus> leader() {
        return online().stream().filter(s -> !s.hash().isEmpty())
                .max(Comparator.comparingLong(NodeStatus::rev).thenComparing(NodeStatus::node,
                        Comparator.reverseOrder()));
    }

    /** @return the document of {@link #leader()}'s hash; empty when no node runs one or it was not found */
    public Optional<Topology> running() {
        return leader().map(s -> documents.get(s.hash()));
    }

    /** @return the hashes online nodes run whose documents were not found */
    public Set<String> missing() {
        Set<String> missing = new LinkedHashSet<>(runningHashes());
        missing.removeAll(documents.keySet());
        return missing;
    }

    /** @return the retained topology, when one is retained and valid */
    public Optional<Topology> retainedTopology() {
        return retainedDocument().topology();
    }

    /** @return why the retained payload is not a valid topology (its first error); empty when it is or none is */
    public Optional<String> retainedProblem() {
        return retainedDocument().problem();
    }

    /** @return true when what is retained is exactly what the online nodes run (all of them, one hash) */
    public boolean retainedIsRunning() {
        Set<String> hashes = runningHashes();
        return hashes.size() == 1 && !disagrees()
                && retainedTopology().map(t -> hashes.contains(t.contentHash())).orElse(false);
    }

    /**
     * The fleet's rev: the highest of what any node reports running, the retained document's and the newest applied
     * revision's. A new topology must be newer than this.
     *
     * @return the rev, 0 when nothing has a rev yet
     */
    public long rev() {
        long rev = nodes.values().stream().mapToLong(NodeStatus::rev).max().orElse(0);
        rev = Math.max(rev, retainedTopology().map(Topology::rev).orElse(0L));
        return Math.max(rev, history.flatMap(AppliedHistory::newest).map(AppliedHistory.Revision::rev).orElse(0L));
    }

    /** @return the online nodes grouped by the (rev, short hash) they run, e.g. {@code "rev 4 (9c0f...)" -> [n1, n2]} */
    public Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new TreeMap<>();
        for (NodeStatus s : online()) {
            String key = s.hash().isEmpty() ? "no topology" : "rev " + s.rev() + " (hash " + shortHash(s.hash())
                    + ")";
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s.node());
        }
        return groups;
    }

    /**
     * @return what the online nodes run and what is retained, for messages, e.g.
     *         {@code {rev 2 (hash 9c0f0b1a)=[n1, n2]}, retained rev 2 (hash 9c0f0b1a)}
     */
    @Override
    public String toString() {
        String kept = retainedTopology().map(t -> "retained rev " + t.rev() + " (hash " + t.shortHash() + ")")
                .or(() -> retainedProblem().map(problem -> "retained: not valid: " + problem))
                .orElse("nothing retained");
        return groups() + ", " + kept;
    }

    private RetainedDocument retainedDocument() {
        RetainedDocument document = parsed;
        if (document == null) {
            document = RetainedDocument.parse(retained.filter(bytes -> bytes.length > 0));
            parsed = document;
        }
        return document;
    }

    /** The retained payload parsed once: the topology, or its first error. */
    private record RetainedDocument(Optional<Topology> topology, Optional<String> problem) {

        static RetainedDocument parse(Optional<byte[]> payload) {
            try {
                return new RetainedDocument(payload.map(Topology::parse), Optional.empty());
            } catch (TopologyException e) {
                return new RetainedDocument(Optional.empty(), Optional.of(e.errors().get(0)));
            }
        }
    }

    /** @return the first {@link Topology#SHORT_HASH_LENGTH} characters of a hash */
    public static String shortHash(String hash) {
        return hash.substring(0, Math.min(hash.length(), Topology.SHORT_HASH_LENGTH));
    }
}
