package io.neuromesh.edge.internal.neuron;

/** What happened to a neuron; the wording of {@link #describe} follows the reference experiment's merged logs. */
public enum EventKind {
    /** A weighted input arrived. */
    INPUT,
    /** The sum reached the threshold and the neuron fired. */
    FIRED,
    /** A {@code fire} command forced it to fire. */
    FORCED,
    /** LEVEL: a forced pulse ended; the output follows the inputs again. */
    SETTLED,
    /** An input arrived during the refractory period: recorded, but it cannot make the neuron fire. */
    REFRACTORY,
    /** The output changed. */
    OUTPUT,
    /** An input from a source with no synapse to this neuron was ignored. */
    IGNORED,
    /**
     * An input that could not be read was rejected; the event's source carries the reason and its value how many
     * more were rejected (and not logged, at most one event a second) since the previous one.
     */
    REJECTED,
    /** The topology changed this neuron's settings. */
    RECONFIGURED,
    /** The neuron started on this node with its state restored from the fleet's retained outputs. */
    RESTORED;

    /** One human line for the event, as printed by {@code neuromesh logs}. */
    public String describe(String neuron, String source, double value, double sum) {
        return switch (this) {
            case INPUT -> source + " is kicking " + neuron + " (value " + Numbers.format(value) + ", sum "
                    + Numbers.format(sum) + ")";
            case FIRED -> neuron + " fires (sum " + Numbers.format(sum) + ")";
            case FORCED -> neuron + " fires (forced)";
            case SETTLED -> "forced pulse of " + neuron + " over: output follows its inputs again (sum "
                    + Numbers.format(sum) + ", output " + Numbers.format(value) + ")";
            case REFRACTORY -> neuron + " is still in refractory period (input from " + source + ", sum "
                    + Numbers.format(sum) + ")";
            case OUTPUT -> "output of " + neuron + " is now " + Numbers.format(value);
            case IGNORED -> "input from " + source + " ignored: no synapse " + source + " -> " + neuron
                    + more(value);
            case REJECTED -> "input rejected: " + source + more(value);
            case RECONFIGURED -> neuron + " reconfigured by the topology";
            case RESTORED -> neuron + " started here, state restored (output " + Numbers.format(value) + ", sum "
                    + Numbers.format(sum) + ")";
        };
    }

    private static String more(double folded) {
        return folded > 0 ? " (and " + Numbers.format(folded) + " more)" : "";
    }
}
