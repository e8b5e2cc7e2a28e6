package io.neuromesh.topology;

/**
 * How an actuator drives its GPIO output pin. In JSON: {@code "digital"} or {@code "pwm"}.
 *
 * @since 0.1
 */
public enum ActuatorKind {
    /** On while the followed neuron outputs 1, off otherwise (the default). */
    DIGITAL,
    /** A PWM signal ({@link PwmSettings}) while the followed neuron outputs 1, off otherwise. */
    PWM
}
