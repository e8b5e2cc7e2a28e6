package io.neuromesh.edge.wire;

/**
 * What a GPIO pin is used for; on the wire its lower-case name ({@code "input"}).
 *
 * @since 0.1
 */
public enum PinKind {
    /** A sensor input. */
    INPUT,
    /** A digital actuator output following a neuron. */
    DIGITAL,
    /** A PWM actuator output following a neuron. */
    PWM;

    /** The name on the wire, e.g. {@code pwm}. */
    public String wireName() {
        return JsonMessage.wireName(this);
    }
}
