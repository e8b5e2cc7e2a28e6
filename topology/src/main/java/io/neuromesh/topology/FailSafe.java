package io.neuromesh.topology;

/**
 * What an actuator does when its node has lost the broker for longer than the actuator's
 * {@link ActuatorSpec#failSafeAfter() failSafeAfter}: its followed neuron's output can no longer reach it, so the
 * last output it got may be stale. In JSON: {@code "low"}, {@code "high"} or {@code "hold"}.
 *
 * <p>The levels are logical, like a neuron's output and {@link ActuatorSpec#activeLow()}: {@code low} is "off"
 * (an active-low relay's pin is then driven high), {@code high} is "on". A PWM actuator goes to a steady duty of 0 %
 * ({@code low}) or 100 % ({@code high}), not to its {@code dutyPercent}: a fail-safe level is a level, not a signal.
 *
 * @since 0.2
 */
public enum FailSafe {
    /** Off: digital inactive, PWM duty 0 % (the default). */
    LOW,
    /** On: digital active, PWM duty 100 %. */
    HIGH,
    /** Keeps whatever the actuator was driven to last, for as long as the broker is away. */
    HOLD
}
