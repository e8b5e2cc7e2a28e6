package io.neuromesh.cli.internal.fleet;

import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.edge.FleetTopology;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.topology.Ids;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.Topology;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the fleet runs, as the commands need it: the document of the hash the online nodes report, never the retained
 * one on trust. A document the nodes run but that did not arrive in time is a timeout, said as one.
 */
public final class RunningTopology {

    /** How many neuron ids a refusal lists when it has no suggestion. */
    static final int NEURONS_LISTED = 8;

    private RunningTopology() {
    }

    /**
     * @param waited how long the read waited, for the message
     * @return what the fleet runs; empty when no online node runs a topology
     * @throws CommandFailedException when nodes run a topology whose document did not arrive within {@code waited}
     */
    public static Optional<Topology> of(FleetTopology fleet, Duration waited) {
        Optional<NodeStatus> leader = fleet.leader();
        if (leader.isPresent() && fleet.running().isEmpty()) {
            NodeStatus s = leader.get();
            throw new CommandFailedException("no answer from the broker within " + text(waited)
                    + ": the nodes run rev " + s.rev() + " (hash " + FleetTopology.shortHash(s.hash())
                    + "), but its document arrived neither on " + Topics.TOPOLOGY + " nor on "
                    + Topics.topologyRevision(s.rev()));
        }
        return fleet.running();
    }

    /**
     * Checks that the running topology has a neuron, before anything is sent to it.
     *
     * @throws CommandFailedException {@code no neuron 'xx' in the running topology (rev 4); did you mean x?}, or
     *                                that no node runs a topology yet
     */
    public static void requireNeuron(FleetTopology fleet, String neuron, Duration waited) {
        Topology running = of(fleet, waited).orElseThrow(() -> new CommandFailedException("no node runs a topology"
                + " yet, so there is no neuron '" + neuron + "'; apply one first: ./neuromesh topology apply FILE"));
        List<String> ids = running.neurons().stream().map(NeuronSpec::id).toList();
        if (ids.contains(neuron)) {
            return;
        }
        String hint = Ids.closest(neuron, ids).map(id -> "did you mean " + id + "?")
                .orElse("its neurons are " + String.join(" ", ids.subList(0, Math.min(NEURONS_LISTED, ids.size())))
                        + (ids.size() > NEURONS_LISTED ? " ..." : ""));
        throw new CommandFailedException("no neuron '" + neuron + "' in the running topology (rev " + running.rev()
                + "); " + hint);
    }

    /**
     * {@link #requireNeuron} for each of {@code neurons}: what {@code watch} and {@code logs} check their filter with (a
     * mistyped id would otherwise show nothing, forever).
     */
    public static void requireNeurons(FleetTopology fleet, Collection<String> neurons, Duration waited) {
        neurons.forEach(neuron -> requireNeuron(fleet, neuron, waited));
    }

    /** @return {@code 3s} or {@code 500ms} */
    public static String text(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
