package io.neuromesh.topology;

import io.neuromesh.topology.internal.validate.Check;
import io.neuromesh.topology.internal.validate.Rules;

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
 * @since 0.1
 */
public record ActuatorSpec(String id, String node, int pin, String neuron, ActuatorKind kind, boolean activeLow,
                           PwmSettings pwm) {

    /** Default kind. */
    public static final ActuatorKind DEFAULT_KIND = ActuatorKind.DIGITAL;

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
    }

    /** @return a digital, active-high actuator */
    public static ActuatorSpec digital(String id, String node, int pin, String neuron) {
        return new ActuatorSpec(id, node, pin, neuron, ActuatorKind.DIGITAL, false, null);
    }
}
