package io.neuromesh.topology;

import io.neuromesh.topology.internal.validate.Check;
import io.neuromesh.topology.internal.validate.Rules;

/**
 * What a GPIO sensor publishes as its input value. JSON: {@code "value": {"high": 1, "low": 0}}.
 *
 * @param high the value published while the pin is active (finite)
 * @param low  the value published while the pin is inactive (finite)
 * @since 0.1
 */
public record SensorValue(double high, double low) {

    /** The default: 1 when active, 0 when inactive. */
    public static final SensorValue DEFAULT = new SensorValue(1, 0);

    /** Validates both values; throws {@link IllegalArgumentException} {@code "<field>: <what>"}. */
    public SensorValue {
        high = Check.number("high", high, Rules.FINITE);
        low = Check.number("low", low, Rules.FINITE);
    }
}
