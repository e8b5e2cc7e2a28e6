package io.neuromesh.topology;

import io.neuromesh.topology.internal.validate.Check;
import io.neuromesh.topology.internal.validate.Rules;

/**
 * The signal of a PWM actuator while its neuron outputs 1. JSON: the actuator's {@code frequencyHz} and
 * {@code dutyPercent}.
 *
 * @param frequencyHz PWM frequency in hertz, 1-100000
 * @param dutyPercent share of each period the pin is high, 0-100 percent
 * @since 0.1
 */
public record PwmSettings(int frequencyHz, double dutyPercent) {

    /** Default frequency, in hertz. */
    public static final int DEFAULT_FREQUENCY_HZ = 1000;
    /** Default duty cycle, in percent: fully on. */
    public static final double DEFAULT_DUTY_PERCENT = 100;
    /** The defaults together. */
    public static final PwmSettings DEFAULT = new PwmSettings(DEFAULT_FREQUENCY_HZ, DEFAULT_DUTY_PERCENT);

    /** Validates both fields; throws {@link IllegalArgumentException} {@code "<field>: <what>"}. */
    public PwmSettings {
        Check.integer("frequencyHz", frequencyHz, Rules.FREQUENCY_HZ);
        dutyPercent = Check.number("dutyPercent", dutyPercent, Rules.DUTY_PERCENT);
    }
}
