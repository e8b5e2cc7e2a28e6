package io.neuromesh.cli.internal.history;

import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyDiff;
import io.neuromesh.topology.TopologyException;

import java.util.List;
import java.util.OptionalLong;

/**
 * What {@code topology rollback} publishes: the network of an earlier accepted revision under a new rev, one above
 * the newest the fleet knows, because a runtime only applies a rev newer than the one it runs.
 *
 * @param from     the history entry whose network comes back
 * @param topology that network with the new rev, ready to publish
 */
public record RollbackPlan(HistoryEntry from, Topology topology) {

    /**
     * Picks the revision to bring back.
     *
     * <p>Without {@code to}: the newest entry whose network differs from the running one (so a second rollback
     * undoes the first). With {@code to}: the newest entry with that rev. The new rev is
     * {@code max(running rev, fleetRev) + 1}.
     *
     * @param history  the local history
     * @param running  the topology retained on the broker, or null when none is
     * @param fleetRev the highest rev any node reports running (0 for none): it can be above a retained one
     * @param to       the rev asked for, or empty for the previous one
     * @return the plan
     * @throws CommandFailedException when there is nothing to roll back to, saying why
     */
    public static RollbackPlan choose(TopologyHistory history, Topology running, long fleetRev, OptionalLong to) {
        List<HistoryEntry> entries = history.entries();
        if (entries.isEmpty()) {
            throw new CommandFailedException("nothing to roll back to: the local history in " + history.directory()
                    + " is empty (it records each topology apply that every online node applied)");
        }
        long newRev = Math.max(running == null ? 0 : running.rev(), fleetRev) + 1;
        if (newRev > Topology.MAX_REV) {
            throw new CommandFailedException("cannot roll back: rev " + (newRev - 1) + " is the largest rev there is");
        }
        if (to.isPresent()) {
            HistoryEntry entry = entries.stream().filter(e -> e.rev() == to.getAsLong()).findFirst()
                    .orElseThrow(() -> new CommandFailedException("rev " + to.getAsLong()
                            + " is not in the local history in " + history.directory()
                            + "; ./neuromesh topology history lists what is"));
            Topology topology = load(history, entry);
            if (sameNetwork(running, topology)) {
                throw new CommandFailedException("nothing to roll back: the fleet already runs the network of rev "
                        + entry.rev() + " (as rev " + running.rev() + ")");
            }
            return new RollbackPlan(entry, withRev(topology, newRev));
        }
        for (HistoryEntry entry : entries) {
            Topology topology = load(history, entry);
            if (!sameNetwork(running, topology)) {
                return new RollbackPlan(entry, withRev(topology, newRev));
            }
        }
        throw new CommandFailedException("nothing to roll back to: every revision in the local history in "
                + history.directory() + " has the network the fleet runs (rev " + running.rev() + ")");
    }

    private static boolean sameNetwork(Topology running, Topology candidate) {
        return running != null && TopologyDiff.between(running, candidate).isEmpty();
    }

    private static Topology load(TopologyHistory history, HistoryEntry entry) {
        try {
            return Topology.parse(history.read(entry));
        } catch (TopologyException e) {
            throw new CommandFailedException(entry.file() + ": no longer a valid topology (" + e.errors().get(0)
                    + ")");
        }
    }

    private static Topology withRev(Topology t, long rev) {
        return new Topology(rev, t.name(), t.defaults(), t.nodes(), t.sensors(), t.neurons(), t.synapses(),
                t.actuators());
    }
}
