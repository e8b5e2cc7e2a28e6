package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.edge.FleetTopology;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyDiff;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What {@code topology apply} and {@code rollback} do with a topology, given what the fleet runs:
 * <ol>
 *   <li>its network is what every online node runs, and the broker retains exactly that document: nothing
 *       ({@link #alreadyRunning()});</li>
 *   <li>else, when its rev is newer than the fleet's rev: publish its bytes as they are;</li>
 *   <li>else: publish it as rev = the fleet's rev + 1 (re-serialized), since nodes only apply a newer rev.</li>
 * </ol>
 * The fleet's rev is the highest of what nodes run, what is retained and what the fleet applied.
 *
 * @param alreadyRunning true when there is nothing to publish
 * @param topology       what to publish (with its rev), or the running topology when already running
 * @param json           the bytes to publish
 * @param fileRev        the rev the topology came with
 * @param fleetRev       the fleet's rev
 * @param repairs        true when its network already runs but the broker retains another document: publishing
 *                       repairs what is retained
 */
record PublishPlan(boolean alreadyRunning, Topology topology, byte[] json, long fileRev, long fleetRev,
                   boolean repairs) {

    /**
     * @param file the topology to publish, as read
     * @param json its bytes
     * @throws CommandFailedException when a new rev would be beyond {@link Topology#MAX_REV}
     */
    static PublishPlan choose(Topology file, byte[] json, FleetTopology fleet) {
        boolean runs = !fleet.disagrees() && fleet.running()
                .map(running -> TopologyDiff.between(running, file).isEmpty()).orElse(false);
        long fleetRev = fleet.rev();
        if (runs && fleet.retainedIsRunning()) {
            return new PublishPlan(true, fleet.running().get(), json, file.rev(), fleetRev, false);
        }
        if (file.rev() > fleetRev) {
            return new PublishPlan(false, file, json, file.rev(), fleetRev, runs);
        }
        if (fleetRev >= Topology.MAX_REV) {
            throw new CommandFailedException("cannot publish: the fleet is at rev " + fleetRev + ", the largest rev"
                    + " there is (" + Topology.MAX_REV + ")");
        }
        Topology renumbered = file.withRev(fleetRev + 1);
        return new PublishPlan(false, renumbered, renumbered.toJson().getBytes(StandardCharsets.UTF_8), file.rev(),
                fleetRev, runs);
    }

    /** @return true when the topology is published under another rev than it came with */
    boolean renumbered() {
        return !alreadyRunning && topology.rev() != fileRev;
    }

    /**
     * @param what names what is published, e.g. the file
     * @return {@code xor.json has rev 1; the fleet is at rev 3, so it is published as rev 4}, when renumbered
     */
    Optional<String> revNote(String what) {
        return renumbered() ? Optional.of(what + " has rev " + fileRev + "; the fleet is at rev " + fleetRev
                + ", so it is published as rev " + topology.rev()) : Optional.empty();
    }

    /** @return why a network that already runs is published again, when it {@link #repairs()} */
    Optional<String> repairNote() {
        return repairs ? Optional.of("the online nodes run this network already, but the broker retains another"
                + " document; publishing it makes the retained topology what they run") : Optional.empty();
    }
}
