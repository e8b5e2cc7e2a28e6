package io.neuromesh.topology.internal.parse;

import io.neuromesh.topology.Defaults;
import io.neuromesh.topology.NeuronMode;
import io.neuromesh.topology.internal.validate.Path;
import io.neuromesh.topology.internal.validate.Rules;

import java.time.Duration;
import java.util.OptionalDouble;

/** The {@code defaults} object as read; absent fields keep the standard defaults. */
final class DefaultsDraft {

    private boolean thresholdPresent;
    /** NaN when absent or invalid (reported). */
    private double threshold = Double.NaN;
    private NeuronMode mode = Defaults.DEFAULT_MODE;
    private Duration inputWindow = Defaults.DEFAULT_INPUT_WINDOW;
    private Duration refractory = Defaults.DEFAULT_REFRACTORY;

    /** @return the draft of a document without {@code defaults} */
    static DefaultsDraft absent() {
        return new DefaultsDraft();
    }

    static DefaultsDraft read(ParseContext ctx, Path at, long order) {
        DefaultsDraft d = new DefaultsDraft();
        ctx.members(at, order, FieldNames.DEFAULTS, (name, fieldAt, fieldOrder) -> {
            switch (name) {
                case "threshold" -> {
                    d.thresholdPresent = true;
                    d.threshold = ctx.number(fieldAt, fieldOrder, Rules.FINITE);
                }
                case "mode" -> d.mode = ctx.choice(fieldAt, fieldOrder, NeuronMode.class);
                case "inputWindowMs" -> d.inputWindow = toDuration(ctx.millis(fieldAt, fieldOrder));
                case "refractoryMs" -> d.refractory = toDuration(ctx.millis(fieldAt, fieldOrder));
            }
        });
        return d;
    }

    static Duration toDuration(Long millis) {
        return millis == null ? null : Duration.ofMillis(millis);
    }

    /** @return true when the document sets {@code defaults.threshold}, valid or not */
    boolean thresholdPresent() {
        return thresholdPresent;
    }

    /** Call only when the document had no error. */
    Defaults toDefaults() {
        return new Defaults(Double.isNaN(threshold) ? OptionalDouble.empty() : OptionalDouble.of(threshold), mode,
                inputWindow, refractory);
    }
}
