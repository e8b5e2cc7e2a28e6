package io.neuromesh.topology.internal.parse;

import io.neuromesh.topology.Defaults;
import io.neuromesh.topology.NeuronMode;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.internal.validate.CrossReferences.Symbol;
import io.neuromesh.topology.internal.validate.ElementKind;
import io.neuromesh.topology.internal.validate.Path;
import io.neuromesh.topology.internal.validate.Rules;

import java.time.Duration;
import java.util.List;

/** One {@code neurons[]} element as read; absent settings come from {@code defaults} once the whole document is read. */
final class NeuronDraft {

    private final Path at;
    private Symbol id;
    private long idOrder;
    private String node;
    private boolean thresholdPresent;
    private double threshold;
    private NeuronMode mode;
    private boolean modePresent;
    private Duration inputWindow;
    private boolean inputWindowPresent;
    private Duration refractory;
    private boolean refractoryPresent;
    private List<String> requires = List.of();
    private List<String> prefers = List.of();
    private long prefersOrder;
    private long end;

    private NeuronDraft(Path at) {
        this.at = at;
    }

    /** @return the draft, or null when the element is not an object (reported) */
    static NeuronDraft read(ParseContext ctx, int index, Path at, long order) {
        NeuronDraft d = new NeuronDraft(at);
        boolean object = ctx.members(at, order, FieldNames.NEURON, (name, fieldAt, fieldOrder) -> {
            switch (name) {
                case "id" -> {
                    d.id = ctx.symbol(fieldAt, fieldOrder);
                    d.idOrder = fieldOrder;
                }
                case "node" -> d.node = ctx.id(fieldAt, fieldOrder);
                case "threshold" -> {
                    d.thresholdPresent = true;
                    d.threshold = ctx.number(fieldAt, fieldOrder, Rules.FINITE);
                }
                case "mode" -> {
                    d.modePresent = true;
                    d.mode = ctx.choice(fieldAt, fieldOrder, NeuronMode.class);
                }
                case "inputWindowMs" -> {
                    d.inputWindowPresent = true;
                    d.inputWindow = DefaultsDraft.toDuration(ctx.millis(fieldAt, fieldOrder));
                }
                case "refractoryMs" -> {
                    d.refractoryPresent = true;
                    d.refractory = DefaultsDraft.toDuration(ctx.millis(fieldAt, fieldOrder));
                }
                case "requires" -> d.requires = ctx.labels(fieldAt, fieldOrder);
                case "prefers" -> {
                    d.prefers = ctx.labels(fieldAt, fieldOrder);
                    d.prefersOrder = fieldOrder;
                }
            }
        });
        if (!object) {
            return null;
        }
        d.end = ctx.next();
        String prefersProblem = d.prefers == null ? null : Rules.prefers(d.prefers, d.node != null, d.requires);
        if (prefersProblem != null) {
            ctx.report(d.prefersOrder, at.field("prefers"), prefersProblem);
        }
        if (d.idOrder == 0) {
            ctx.report(d.end, at.field("id"), "missing");
        } else if (d.id != null) {
            ctx.refs.element(ElementKind.NEURON, index, d.idOrder, d.id);
        }
        return d;
    }

    /** Reports a missing threshold that {@code defaults} does not supply either. */
    void checkThreshold(ParseContext ctx, boolean defaultThresholdPresent) {
        if (!thresholdPresent && !defaultThresholdPresent) {
            ctx.report(end, at.field("threshold"), "missing; set it on the neuron or in defaults.threshold");
        }
    }

    /** Call only when the document had no error. */
    NeuronSpec toSpec(Defaults defaults) {
        return new NeuronSpec(id.id(), node,
                thresholdPresent ? threshold : defaults.threshold().orElseThrow(),
                modePresent ? mode : defaults.mode(),
                inputWindowPresent ? inputWindow : defaults.inputWindow(),
                refractoryPresent ? refractory : defaults.refractory(),
                requires, prefers);
    }
}
