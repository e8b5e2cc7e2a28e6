package io.neuromesh.topology;

import io.neuromesh.topology.internal.validate.Check;
import io.neuromesh.topology.internal.validate.Rules;

import java.time.Duration;

/**
 * A GPIO output that follows a neuron's output. JSON: {@code actuators[]}.
 *
 * @param id        the actuator id (the {@link Ids} rule; one namespace with neurons and sensors)
 * @param node      the node whose runtime drives the pin
 * @param pin       BCM pin number on the 40-pin header, 0-27
 * @param neuron    the neuron whose output it follows
 * @param kind      how the pin is driven
 * @param activeLow true when "on" means driving the pin low
 * @param pwm       the PWM signal; required for {@link ActuatorKind#PWM}, null for {@link ActuatorKind#DIGITAL}
 * @param failSafe  the level it goes to when its node has lost the broker for {@code failSafeAfter}
 * @param failSafeAfter how long the node must have lost the broker before {@code failSafe} applies; whole
 *                  milliseconds, 0-24 h; null exactly when {@code failSafe} is {@link FailSafe#HOLD}
 * @since 0.1
 */
public record ActuatorSpec(String id, String node, int pin, String neuron, ActuatorKind kind, boolean activeLow,
                           PwmSettings pwm, FailSafe failSafe, Duration failSafeAfter) {

    /** Default kind. */
    public static final ActuatorKind DEFAULT_KIND = ActuatorKind.DIGITAL;
    /** Default fail-safe level: off, the state an unpowered output is in. */
    public static final FailSafe DEFAULT_FAIL_SAFE = FailSafe.LOW;
    /**
     * Default time without the broker before the fail-safe level applies: 5 s. Longer than a normal reconnect (the
     * link retries within a second or two after a broker restart or a Wi-Fi roam), so a blip never switches an
     * output; short enough that a relay does not stay on long after its controller is gone.
     */
    public static final Duration DEFAULT_FAIL_SAFE_AFTER = Duration.ofSeconds(5);

    /** Validates every field; throws {@link IllegalArgumentException} {@code "<field>: <what>"}. */
    public ActuatorSpec {
        Check.id("id", id);
        Check.id("node", node);
        Check.integer("pin", pin, Rules.PIN);
        Check.id("neuron", neuron);
        Check.notNull("kind", kind);
        if (kind == ActuatorKind.PWM && pwm == null) {
            throw new IllegalArgumentException("pwm: required for a pwm actuator (use PwmSettings.DEFAULT)");
        }
        if (kind == ActuatorKind.DIGITAL && pwm != null) {
            throw new IllegalArgumentException("pwm: only a pwm actuator has pwm settings; this one is digital");
        }
        Check.notNull("failSafe", failSafe);
        if (failSafe == FailSafe.HOLD && failSafeAfter != null) {
            throw new IllegalArgumentException("failSafeAfter: a hold actuator never changes its level, so it has no"
                    + " failSafeAfter; pass null");
        }
        if (failSafe != FailSafe.HOLD) {
            if (failSafeAfter == null) {
                throw new IllegalArgumentException("failSafeAfter: required for failSafe " + failSafe
                        + " (use ActuatorSpec.DEFAULT_FAIL_SAFE_AFTER)");
            }
            Check.duration("failSafeAfter", failSafeAfter);
        }
    }

    /** @return a digital, active-high actuator with the default fail-safe (low after 5 s) */
    public static ActuatorSpec digital(String id, String node, int pin, String neuron) {
        return new ActuatorSpec(id, node, pin, neuron, ActuatorKind.DIGITAL, false, null, DEFAULT_FAIL_SAFE,
                DEFAULT_FAIL_SAFE_AFTER);
    }

    /** @return this actuator with another fail-safe ({@code after} null for {@link FailSafe#HOLD}) */
    public ActuatorSpec withFailSafe(FailSafe level, Duration after) {
        return new ActuatorSpec(id, node, pin, neuron, kind, activeLow, pwm, level, after);
    }
}
