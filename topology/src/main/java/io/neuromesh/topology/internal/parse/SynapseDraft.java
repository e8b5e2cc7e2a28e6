package io.neuromesh.topology.internal.parse;

import io.neuromesh.topology.SynapseSpec;
import io.neuromesh.topology.internal.validate.CrossReferences.Symbol;
import io.neuromesh.topology.internal.validate.Path;
import io.neuromesh.topology.internal.validate.Rules;

/** One {@code synapses[]} element as it is read. */
final class SynapseDraft {

    private Symbol from;
    private long fromOrder;
    private Symbol to;
    private long toOrder;
    /** NaN until read, and when invalid (reported). */
    private double weight = Double.NaN;
    private boolean weightPresent;

    /** @return the synapse, or null when the element is not one (reported) */
    static SynapseSpec read(ParseContext ctx, int index, Path at, long order) {
        SynapseDraft d = new SynapseDraft();
        boolean object = ctx.members(at, order, FieldNames.SYNAPSE, (name, fieldAt, fieldOrder) -> {
            switch (name) {
                case "from" -> {
                    d.from = ctx.symbol(fieldAt, fieldOrder);
                    d.fromOrder = fieldOrder;
                }
                case "to" -> {
                    d.to = ctx.symbol(fieldAt, fieldOrder);
                    d.toOrder = fieldOrder;
                }
                case "weight" -> {
                    d.weightPresent = true;
                    d.weight = ctx.number(fieldAt, fieldOrder, Rules.FINITE);
                }
            }
        });
        if (!object) {
            return null;
        }
        long end = ctx.next();
        ctx.required(at, end, "from", d.fromOrder);
        ctx.required(at, end, "to", d.toOrder);
        if (!d.weightPresent) {
            ctx.report(end, at.field("weight"), "missing");
        }
        ctx.refs.synapse(index, d.fromOrder, d.from, d.toOrder, d.to);
        // Each field was checked as it was read: one that is null was reported.
        return d.from == null || d.to == null || Double.isNaN(d.weight) ? null
                : new SynapseSpec(d.from.id(), d.to.id(), d.weight);
    }
}
