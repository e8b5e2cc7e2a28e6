package io.neuromesh.edge.internal.placement;

import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.NodeSpec;
import io.neuromesh.topology.Topology;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The placement algorithm that {@link Placement#assign} documents. Stateless and thread-safe. */
final class BoundedRendezvous {

    /**
     * An automatically placed neuron, the online nodes (indexes) whose labels satisfy its {@code requires}, those
     * of them that also have every label it {@code prefers} (none when it prefers nothing or none of them has them),
     * and how many nodes it competes for first (the preferred ones, else the eligible ones): its choice is narrower
     * the fewer they are.
     */
    private record Pending(String neuron, int[] eligible, int[] preferred, int choices) {

        /** Counts its choices. */
        Pending(String neuron, int[] eligible, int[] preferred) {
            this(neuron, eligible, preferred, preferred.length > 0 ? preferred.length : eligible.length);
        }
    }

    /** Fewest choices first, then by id; one comparator class (a comparator chain costs more calls per comparison). */
    private static final Comparator<Pending> ORDER = (a, b) -> a.choices != b.choices
            ? Integer.compare(a.choices, b.choices) : a.neuron.compareTo(b.neuron);

    private static final int[] NO_PREFERENCE = {};

    private final List<String> nodes;
    private final byte[][] nodeUtf8;
    /** Leading bytes every online node id shares (e.g. {@code pi-}): hashed once per neuron, not once per pair. */
    private final int sharedPrefix;
    private final int[] capacity;
    private final List<Set<String>> labels;

    private BoundedRendezvous(Topology topology, Collection<String> onlineNodes) {
        this.nodes = List.copyOf(new TreeSet<>(onlineNodes));
        Map<String, NodeSpec> declared = topology.nodes().stream()
                .collect(Collectors.toMap(NodeSpec::id, spec -> spec));
        this.nodeUtf8 = new byte[nodes.size()][];
        this.capacity = new int[nodes.size()];
        this.labels = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            NodeSpec spec = declared.get(nodes.get(i));
            nodeUtf8[i] = nodes.get(i).getBytes(StandardCharsets.UTF_8);
            capacity[i] = spec == null ? Integer.MAX_VALUE : spec.capacity().orElse(Integer.MAX_VALUE);
            labels.add(spec == null ? Set.of() : Set.copyOf(spec.labels()));
        }
        this.sharedPrefix = RendezvousHash.sharedPrefix(nodeUtf8);
    }

    /**
     * Places every neuron of {@code topology} on {@code onlineNodes}.
     *
     * @param slack how far above the average load a node may go before neurons overflow to their next choice,
     *              e.g. 0.1 for 10 %
     */
    static Placement place(Topology topology, Collection<String> onlineNodes, double slack) {
        return new BoundedRendezvous(topology, onlineNodes).place(topology.neurons(), slack);
    }

    private Placement place(List<NeuronSpec> neurons, double slack) {
        // In the order the neurons are placed (pinned ones first): each node's share is then sorted by id but for its
        // pinned neurons and the neurons with fewer choices, and sorting it (Placement) costs a pass over it.
        Map<String, String> placed = new LinkedHashMap<>();
        List<Unplaced> unplaced = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        Map<List<String>, int[]> nodesByLabels = new HashMap<>();
        for (NeuronSpec neuron : neurons) {
            if (neuron.isPinned()) {
                placed.put(neuron.id(), neuron.node());
                continue;
            }
            int[] eligible = nodesByLabels.computeIfAbsent(neuron.requires(), this::having);
            if (eligible.length == 0) {
                unplaced.add(new Unplaced(neuron.id(), nodes.isEmpty() ? "no node is online"
                        : "no online node has the labels it requires: " + String.join(", ", neuron.requires())));
            } else {
                // Most neurons prefer nothing: no list is built for them (100,000-neuron topologies).
                pending.add(new Pending(neuron.id(), eligible, neuron.prefers().isEmpty() ? NO_PREFERENCE
                        : nodesByLabels.computeIfAbsent(Stream.concat(neuron.requires().stream(),
                                neuron.prefers().stream()).sorted().toList(), this::having)));
            }
        }
        // The most constrained neurons choose first, so that label-bound neurons are not crowded out of the few
        // nodes they may use; the id breaks ties, so the order depends on nothing but the inputs.
        pending.sort(ORDER);
        // ceil(average) plus a whole share of slack: a small network is spread evenly (6 neurons on 3 nodes: 2 each),
        // a large one gets the slack that keeps moves local when a node leaves.
        int bound = bound(pending.size(), nodes.size(), slack);
        // Neurons preferring the same nodes (one array per label set, from the cache above) share those nodes: they
        // are balanced over them by the same formula, as far as the fleet-wide bound allows more.
        Map<int[], Integer> preferring = new IdentityHashMap<>();
        pending.forEach(p -> preferring.merge(p.preferred(), 1, Integer::sum));
        int[] load = new int[nodes.size()];
        for (Pending p : pending) {
            // A preference outranks balance: the bound only spreads a neuron over the nodes it prefers, and it leaves
            // them only when all of them are full (capacity) or offline.
            int preferredBound = Math.max(bound, bound(preferring.get(p.preferred()), p.preferred().length, slack));
            // Eligible nodes exist, so nodeUtf8[0] does: every node id starts with the shared prefix.
            long state = RendezvousHash.extend(RendezvousHash.neuronPrefix(p.neuron()), nodeUtf8[0], sharedPrefix);
            int chosen = p.preferred().length > 0 ? choose(state, p.preferred(), load, preferredBound) : -1;
            if (chosen < 0) {
                chosen = choose(state, p.eligible(), load, bound);
            }
            if (chosen < 0) {
                unplaced.add(new Unplaced(p.neuron(), "every online node that may host it is at capacity: "
                        + IntStream.of(p.eligible()).mapToObj(i -> nodes.get(i) + " (" + capacity[i] + ")")
                        .collect(Collectors.joining(", "))));
            } else {
                load[chosen]++;
                placed.put(p.neuron(), nodes.get(chosen));
            }
        }
        return new Placement(placed, unplaced);
    }

    /** ceil(average) plus a whole share of slack; 0 without nodes. */
    private static int bound(int neurons, int nodes, double slack) {
        double average = nodes == 0 ? 0 : (double) neurons / nodes;
        return (int) Math.ceil(average) + (int) Math.floor(slack * average);
    }

    /**
     * The highest-scoring candidate node below both the balance bound and its capacity; failing that, the
     * highest-scoring one below its capacity (the bound balances, only capacity and labels may leave a neuron
     * unplaced); -1 when every eligible node is full. Equal scores go to the node first in id order.
     *
     * @param state the neuron's hash state after the node ids' shared prefix
     */
    private int choose(long state, int[] candidates, int[] load, int bound) {
        int best = -1;
        long bestScore = 0;
        int fallback = -1;
        long fallbackScore = 0;
        for (int i : candidates) {
            if (load[i] >= capacity[i]) {
                continue;
            }
            long score = RendezvousHash.score(state, nodeUtf8[i], sharedPrefix);
            if (fallback < 0 || Long.compareUnsigned(score, fallbackScore) > 0) {
                fallback = i;
                fallbackScore = score;
            }
            if (load[i] < bound && (best < 0 || Long.compareUnsigned(score, bestScore) > 0)) {
                best = i;
                bestScore = score;
            }
        }
        return best >= 0 ? best : fallback;
    }

    /** @return the online nodes (indexes) that have all of {@code wanted} */
    private int[] having(List<String> wanted) {
        return IntStream.range(0, nodes.size()).filter(i -> labels.get(i).containsAll(wanted)).toArray();
    }
}
