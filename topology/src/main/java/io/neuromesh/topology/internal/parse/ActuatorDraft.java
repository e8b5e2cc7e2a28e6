package io.neuromesh.topology.internal.parse;

import io.neuromesh.topology.ActuatorKind;
import io.neuromesh.topology.ActuatorSpec;
import io.neuromesh.topology.FailSafe;
import io.neuromesh.topology.PwmSettings;
import io.neuromesh.topology.internal.validate.CrossReferences.Symbol;
import io.neuromesh.topology.internal.validate.ElementKind;
import io.neuromesh.topology.internal.validate.Path;
import io.neuromesh.topology.internal.validate.Rules;

import java.time.Duration;

/** One {@code actuators[]} element as read. */
final class ActuatorDraft {

    private final PinnedFields pinned = new PinnedFields();
    private Symbol neuron;
    private long neuronOrder;
    private ActuatorKind kind = ActuatorSpec.DEFAULT_KIND;
    private boolean kindPresent;
    private Boolean activeLow = false;
    private Long frequencyHz = (long) PwmSettings.DEFAULT_FREQUENCY_HZ;
    private long frequencyOrder;
    private double dutyPercent = PwmSettings.DEFAULT_DUTY_PERCENT;
    private long dutyOrder;
    private FailSafe failSafe = ActuatorSpec.DEFAULT_FAIL_SAFE;
    private Duration failSafeAfter = ActuatorSpec.DEFAULT_FAIL_SAFE_AFTER;
    private long failSafeAfterOrder;

    /** @return the draft, or null when the element is not an object (reported) */
    static ActuatorDraft read(ParseContext ctx, int index, Path at, long order) {
        ActuatorDraft d = new ActuatorDraft();
        boolean object = ctx.members(at, order, FieldNames.ACTUATOR, (name, fieldAt, fieldOrder) -> {
            if (d.pinned.read(ctx, name, fieldAt, fieldOrder)) {
                return;
            }
            switch (name) {
                case "neuron" -> {
                    d.neuron = ctx.symbol(fieldAt, fieldOrder);
                    d.neuronOrder = fieldOrder;
                }
                case "kind" -> {
                    d.kindPresent = true;
                    d.kind = ctx.choice(fieldAt, fieldOrder, ActuatorKind.class);
                }
                case "activeLow" -> d.activeLow = ctx.bool(fieldAt, fieldOrder);
                case "frequencyHz" -> {
                    d.frequencyHz = ctx.integer(fieldAt, fieldOrder, Rules.FREQUENCY_HZ);
                    d.frequencyOrder = fieldOrder;
                }
                case "dutyPercent" -> {
                    d.dutyPercent = ctx.number(fieldAt, fieldOrder, Rules.DUTY_PERCENT);
                    d.dutyOrder = fieldOrder;
                }
                case "failSafe" -> d.failSafe = ctx.choice(fieldAt, fieldOrder, FailSafe.class);
                case "failSafeAfterMs" -> {
                    d.failSafeAfter = DefaultsDraft.toDuration(ctx.millis(fieldAt, fieldOrder));
                    d.failSafeAfterOrder = fieldOrder;
                }
            }
        });
        return object ? d.finish(ctx, index, at) : null;
    }

    /** Reports what is missing or not allowed, and declares the element's id and pin; @return this draft */
    private ActuatorDraft finish(ParseContext ctx, int index, Path at) {
        long end = ctx.next();
        ctx.required(at, end, "id", pinned.idOrder);
        ctx.required(at, end, "node", pinned.nodeOrder);
        ctx.required(at, end, "pin", pinned.pinOrder);
        ctx.required(at, end, "neuron", neuronOrder);
        pinned.declare(ctx, ElementKind.ACTUATOR, index);
        pinned.claimPin(ctx, ElementKind.ACTUATOR, index);
        if (neuron != null) {
            ctx.refs.actuatorNeuron(index, neuronOrder, neuron);
        }
        // An invalid kind is reported already; guessing which fields it should allow would only add noise.
        if (kind == ActuatorKind.DIGITAL || !kindPresent) {
            pwmOnly(ctx, at, "frequencyHz", frequencyOrder);
            pwmOnly(ctx, at, "dutyPercent", dutyOrder);
        }
        if (failSafe == FailSafe.HOLD && failSafeAfterOrder != 0) {
            ctx.report(failSafeAfterOrder, at.field("failSafeAfterMs"),
                    "only an actuator with \"failSafe\": \"low\" or \"high\" has failSafeAfterMs; \"hold\" never"
                            + " changes the output");
        }
        return this;
    }

    private static void pwmOnly(ParseContext ctx, Path at, String field, long fieldOrder) {
        if (fieldOrder != 0) {
            ctx.report(fieldOrder, at.field(field), "only a pwm actuator (\"kind\": \"pwm\") has " + field);
        }
    }

    /** Call only when the document had no error. */
    ActuatorSpec toSpec() {
        PwmSettings pwm = kind == ActuatorKind.PWM ? new PwmSettings(frequencyHz.intValue(), dutyPercent) : null;
        return new ActuatorSpec(pinned.id.id(), pinned.node, pinned.pin.intValue(), neuron.id(), kind, activeLow, pwm,
                failSafe, failSafe == FailSafe.HOLD ? null : failSafeAfter);
    }
}
