package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.AppliedHistory;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyDiff;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which revision of the fleet's applied history {@code topology rollback} brings back.
 *
 * @param from    the revision whose network comes back
 * @param network its document
 */
record RollbackChoice(AppliedHistory.Revision from, Topology network) {

    /**
     * Without {@code to}: the newest revision whose network differs from what runs (so a second rollback undoes the
     * first). With {@code to}: that revision.
     *
     * @param running what the fleet runs, empty when nothing does
     * @param load    reads a revision's document (from the broker)
     * @throws CommandFailedException when there is nothing to roll back to, or {@code to} is not in the history
     *                                (the message lists the revs that are)
     */
    static RollbackChoice choose(AppliedHistory history, Optional<Topology> running, OptionalLong to,
                                 Function<AppliedHistory.Revision, Topology> load) {
        if (history.revisions().isEmpty()) {
            throw new CommandFailedException("nothing to roll back to: the fleet's applied history ("
                    + Topics.TOPOLOGY_HISTORY + ") is empty; the fleet records each revision every online node ran");
        }
        if (to.isPresent()) {
            AppliedHistory.Revision revision = history.find(to.getAsLong()).orElseThrow(() ->
                    new CommandFailedException("rev " + to.getAsLong() + " is not in the fleet's applied history; it"
                            + " holds rev " + history.revisions().stream().map(r -> Long.toString(r.rev()))
                            .collect(Collectors.joining(" "))));
            return new RollbackChoice(revision, load.apply(revision));
        }
        for (AppliedHistory.Revision revision : history.revisions()) {
            Topology network = load.apply(revision);
            if (running.isEmpty() || !TopologyDiff.between(running.get(), network).isEmpty()) {
                return new RollbackChoice(revision, network);
            }
        }
        throw new CommandFailedException("nothing to roll back to: every revision in the fleet's applied history has"
                + " the network the fleet runs (rev " + running.map(Topology::rev).orElse(0L) + ")");
    }
}
