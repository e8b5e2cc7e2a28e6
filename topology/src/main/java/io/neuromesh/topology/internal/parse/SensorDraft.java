package io.neuromesh.topology.internal.parse;

import io.neuromesh.topology.GpioInput;
import io.neuromesh.topology.Pull;
import io.neuromesh.topology.SensorSpec;
import io.neuromesh.topology.SensorValue;
import io.neuromesh.topology.internal.validate.ElementKind;
import io.neuromesh.topology.internal.validate.Path;
import io.neuromesh.topology.internal.validate.Rules;

import java.time.Duration;

/** One {@code sensors[]} element as read. */
final class SensorDraft {

    private static final String GPIO_NEEDS_BOTH =
            "missing; a GPIO sensor needs both node and pin (a sensor with neither is virtual)";

    private final PinnedFields pinned = new PinnedFields();
    private Pull pull = GpioInput.DEFAULT_PULL;
    private long pullOrder;
    private Duration debounce = GpioInput.DEFAULT_DEBOUNCE;
    private long debounceOrder;
    private Boolean activeLow = false;
    private long activeLowOrder;
    private double high = SensorValue.DEFAULT.high();
    private double low = SensorValue.DEFAULT.low();

    /** @return the draft, or null when the element is not an object (reported) */
    static SensorDraft read(ParseContext ctx, int index, Path at, long order) {
        SensorDraft d = new SensorDraft();
        boolean object = ctx.members(at, order, FieldNames.SENSOR, (name, fieldAt, fieldOrder) -> {
            if (d.pinned.read(ctx, name, fieldAt, fieldOrder)) {
                return;
            }
            switch (name) {
                case "pull" -> {
                    d.pull = ctx.choice(fieldAt, fieldOrder, Pull.class);
                    d.pullOrder = fieldOrder;
                }
                case "debounceMs" -> {
                    d.debounce = DefaultsDraft.toDuration(ctx.millis(fieldAt, fieldOrder));
                    d.debounceOrder = fieldOrder;
                }
                case "activeLow" -> {
                    d.activeLow = ctx.bool(fieldAt, fieldOrder);
                    d.activeLowOrder = fieldOrder;
                }
                case "value" -> ctx.members(fieldAt, fieldOrder, FieldNames.SENSOR_VALUE, (v, valueAt, valueOrder) -> {
                    double number = ctx.number(valueAt, valueOrder, Rules.FINITE);
                    if ("high".equals(v)) {
                        d.high = number;
                    } else {
                        d.low = number;
                    }
                });
            }
        });
        return object ? d.finish(ctx, index, at) : null;
    }

    /** Reports what is missing or not allowed, and declares the element's id and pin; @return this draft */
    private SensorDraft finish(ParseContext ctx, int index, Path at) {
        long end = ctx.next();
        ctx.required(at, end, "id", pinned.idOrder);
        pinned.declare(ctx, ElementKind.SENSOR, index);
        if (pinned.nodeOrder != 0 && pinned.pinOrder == 0) {
            ctx.report(end, at.field("pin"), GPIO_NEEDS_BOTH);
        } else if (pinned.pinOrder != 0 && pinned.nodeOrder == 0) {
            ctx.report(end, at.field("node"), GPIO_NEEDS_BOTH);
        } else if (pinned.nodeOrder == 0) {
            gpioOnly(ctx, at, "pull", pullOrder);
            gpioOnly(ctx, at, "debounceMs", debounceOrder);
            gpioOnly(ctx, at, "activeLow", activeLowOrder);
        } else {
            pinned.claimPin(ctx, ElementKind.SENSOR, index);
        }
        return this;
    }

    private static void gpioOnly(ParseContext ctx, Path at, String field, long fieldOrder) {
        if (fieldOrder != 0) {
            ctx.report(fieldOrder, at.field(field), "only a GPIO sensor (with node and pin) has " + field);
        }
    }

    /** Call only when the document had no error. */
    SensorSpec toSpec() {
        GpioInput gpio = pinned.nodeOrder == 0 ? null
                : new GpioInput(pinned.node, pinned.pin.intValue(), pull, debounce, activeLow);
        return new SensorSpec(pinned.id.id(), gpio, new SensorValue(high, low));
    }
}
