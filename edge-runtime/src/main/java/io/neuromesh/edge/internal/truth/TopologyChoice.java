package io.neuromesh.edge.internal.truth;

import io.neuromesh.edge.Topics;
import io.neuromesh.topology.TopologyVersion;

import java.util.List;
import java.util.Optional;

/**
 * The rule that keeps a fleet on one topology whatever the broker retains: of the topology this node runs (at start:
 * its local last-good copy), the one retained on {@code neuromesh/topology} and the newest revision of the fleet's
 * applied history, run the one with the highest rev; at equal rev with different content, prefer what the fleet
 * recorded as applied, then what this node runs, then the retained one. So a stray retained document (an equal or
 * older rev published by hand) never replaces a network the fleet applied, and a node that missed an apply catches up
 * from the history. Pure functions.
 */
public final class TopologyChoice {

    /** Which topology to run after a decision. */
    public enum Source {
        /** The running one stays (or none, if the node has none). */
        KEEP,
        /** The one retained on {@code neuromesh/topology}. */
        RETAINED,
        /** The newest revision of the applied history (its document is on {@code neuromesh/topology/history/<rev>}). */
        APPLIED
    }

    private TopologyChoice() {
    }

    /**
     * @param running  the topology this node runs, if any
     * @param retained what {@code neuromesh/topology} holds
     * @param applied  the newest revision of the applied history whose document is readable, if any
     * @return the one to run; {@link Source#KEEP} when that is the running one
     */
    public static Source choose(Optional<TopologyVersion> running, RetainedTopology retained,
                                Optional<TopologyVersion> applied) {
        Source best = Source.KEEP;
        TopologyVersion bestVersion = running.orElse(null);
        if (applied.isPresent() && (bestVersion == null || applied.get().rev() >= bestVersion.rev())) {
            // At equal rev the fleet's record wins over this node's own copy.
            best = applied.get().equals(bestVersion) ? Source.KEEP : Source.APPLIED;
            bestVersion = applied.get();
        }
        if (retained instanceof RetainedTopology.Valid t && (bestVersion == null || t.version().rev() > bestVersion.rev())) {
            best = t.version().equals(running.orElse(null)) ? Source.KEEP : Source.RETAINED;
        }
        return best;
    }

    /**
     * Why a valid retained topology is not run, as the errors of its rejected result.
     *
     * @param refused why applying it failed (e.g. a GPIO pin it needs), empty when it was not newer
     */
    public static List<String> rejection(Optional<TopologyVersion> running, RetainedTopology.Valid retained,
                                         List<String> refused) {
        if (!refused.isEmpty() || running.isEmpty()) {
            return refused;
        }
        return List.of("rev: " + retained.version().rev() + " is not newer than the running rev " + running.get().rev()
                + "; publish it with a higher rev");
    }

    /**
     * Why this node does not run what the broker retains, for its status; empty when it does.
     *
     * @param running  the topology it runs after the decision, if any
     * @param retained what {@code neuromesh/topology} holds
     * @param applied  the newest revision of the applied history, if any (readable or not)
     * @param refused  why applying the retained one failed, empty if it was not tried or did not fail
     */
    public static Optional<String> problem(Optional<TopologyVersion> running, RetainedTopology retained,
                                           Optional<TopologyVersion> applied, List<String> refused) {
        if (retained instanceof RetainedTopology.Valid t && t.version().equals(running.orElse(null))) {
            return Optional.empty();
        }
        if (running.isEmpty() && retained instanceof RetainedTopology.None && applied.isEmpty()) {
            // A fleet nothing was published to yet: not a problem, and `nodes` shows rev "-" already.
            return Optional.empty();
        }
        String broker = switch (retained) {
            case RetainedTopology.None n -> "nothing is retained on " + Topics.TOPOLOGY;
            case RetainedTopology.Cleared c -> "the retained topology was cleared";
            case RetainedTopology.Invalid i -> "the retained topology is not valid (" + first(i.errors()) + ")";
            case RetainedTopology.Valid t when !refused.isEmpty() ->
                    "the retained topology " + t.version() + " was refused (" + first(refused) + ")";
            case RetainedTopology.Valid t -> "the retained topology " + t.version() + " is not newer than the running "
                    + running.map(TopologyVersion::toString).orElse("one");
        };
        if (running.isEmpty()) {
            return Optional.of("no valid topology: " + broker + applied.map(a -> "; the document of the fleet's applied "
                    + a + " could not be read from " + Topics.topologyRevision(a.rev()))
                    .orElse("; the fleet has recorded no applied revision"));
        }
        if (retained instanceof RetainedTopology.Valid && refused.isEmpty()) {
            return Optional.of(broker + "; the broker's copy differs from what this node runs"
                    + (running.equals(applied) ? ", which is what the fleet applied" : ""));
        }
        return Optional.of(broker + "; this node keeps " + running.get());
    }

    private static String first(List<String> errors) {
        return errors.isEmpty() ? "no details" : errors.get(0) + (errors.size() > 1 ? "; " + (errors.size() - 1)
                + " more error(s)" : "");
    }
}
