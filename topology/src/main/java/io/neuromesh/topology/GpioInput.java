package io.neuromesh.topology;

import io.neuromesh.topology.internal.validate.Check;
import io.neuromesh.topology.internal.validate.Rules;

import java.time.Duration;

/**
 * The GPIO side of a sensor read from a pin. In JSON these are the sensor's own fields {@code node}, {@code pin},
 * {@code pull}, {@code debounceMs} and {@code activeLow}.
 *
 * @param node      the node whose runtime reads the pin
 * @param pin       BCM pin number on the 40-pin header, 0-27
 * @param pull      the internal pull resistor
 * @param debounce  how long the pin must stay at a new level before the change counts; whole milliseconds, 0-24 h
 * @param activeLow true when a low pin means active (the sensor then publishes {@link SensorValue#high()} on low)
 * @since 0.1
 */
public record GpioInput(String node, int pin, Pull pull, Duration debounce, boolean activeLow) {

    /** Default pull resistor: none. */
    public static final Pull DEFAULT_PULL = Pull.OFF;
    /** Default debounce: none. */
    public static final Duration DEFAULT_DEBOUNCE = Duration.ZERO;

    /** Validates every field; throws {@link IllegalArgumentException} {@code "<field>: <what>"}. */
    public GpioInput {
        Check.id("node", node);
        Check.integer("pin", pin, Rules.PIN);
        Check.notNull("pull", pull);
        Check.duration("debounce", debounce);
    }

    /** @return an input on {@code node}/{@code pin} with the defaults: no pull, no debounce, active high */
    public static GpioInput of(String node, int pin) {
        return new GpioInput(node, pin, DEFAULT_PULL, DEFAULT_DEBOUNCE, false);
    }
}
