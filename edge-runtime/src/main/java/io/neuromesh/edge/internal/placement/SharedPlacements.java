package io.neuromesh.edge.internal.placement;

import io.neuromesh.topology.Topology;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * One placement per topology and set of online nodes in a JVM. Runtimes sharing a JVM (the fleet bench's workers
 * host up to 25) hold the same parsed topology (one parse per JVM) and see the same membership change at about the
 * same moment; each placed all of it again, 10 million rendezvous scores for 100,000 neurons over 100 nodes, one
 * runtime after the other on the machine's cores. The placement is a function of its inputs, so the first computes it
 * and the others take it.
 *
 * <p>Keyed by the topology's identity (weakly: a topology no runtime holds is not kept) and the set of online nodes;
 * the latest {@link #SLOTS} placements are kept, strongly, so that a runtime placing a moment after another still finds
 * it: a node alone in its JVM keeps its latest placement or two, about 60 bytes per neuron each. Threading: any thread;
 * placements are computed one at a time, so a runtime asking for one being computed waits for it.
 */
final class SharedPlacements {

    private static final int SLOTS = 2;

    private record Entry(WeakReference<Topology> topology, Set<String> nodes, double slack, Placement placement) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    /** The placement of {@code topology} over {@code onlineNodes}: remembered, or computed now. */
    synchronized Placement place(Topology topology, Collection<String> onlineNodes, double slack) {
        Set<String> nodes = new TreeSet<>(onlineNodes);
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            Topology known = entry.topology().get();
            if (known == null) {
                it.remove();
            } else if (known == topology && entry.slack() == slack && entry.nodes().equals(nodes)) {
                return entry.placement();
            }
        }
        Placement placement = BoundedRendezvous.place(topology, nodes, slack);
        if (entries.size() == SLOTS) {
            entries.removeLast();
        }
        entries.addFirst(new Entry(new WeakReference<>(topology), nodes, slack, placement));
        return placement;
    }
}
