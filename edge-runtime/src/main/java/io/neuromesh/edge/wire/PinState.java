package io.neuromesh.edge.wire;

import io.neuromesh.topology.Ids;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A GPIO pin's state, retained on {@code neuromesh/nodes/<node>/gpio/<pin>} by the node that opened it
 * ({@link PinStateCodec}); a closed pin's retained state is cleared (an empty payload), which has no record.
 *
 * @param pin         BCM number
 * @param id          the sensor or actuator using the pin
 * @param neuron      the neuron an actuator follows; empty for a sensor input
 * @param kind        input, digital or pwm
 * @param active      the logical state (after active-low); for PWM, a duty above 0
 * @param level       the electrical level of an input or digital pin; empty for PWM
 * @param dutyPercent the PWM duty cycle, 0 to 100 percent; empty for the other kinds
 * @param timestamp   when the node published the state
 * @since 0.1
 */
public record PinState(int pin, String id, Optional<String> neuron, PinKind kind, boolean active,
                       Optional<PinLevel> level, OptionalDouble dutyPercent, Instant timestamp) {

    public PinState {
        if (pin < 0) {
            throw new IllegalArgumentException("pin: must be a BCM number >= 0, got " + pin);
        }
        Ids.require("id", id);
        Objects.requireNonNull(neuron, "neuron: must not be null; use Optional.empty()");
        Objects.requireNonNull(kind, "kind: must not be null");
        Objects.requireNonNull(level, "level: must not be null; use Optional.empty()");
        Objects.requireNonNull(dutyPercent, "duty: must not be null; use OptionalDouble.empty()");
        Objects.requireNonNull(timestamp, "ts: must not be null");
        neuron.ifPresent(n -> Ids.require("neuron", n));
        if ((kind == PinKind.INPUT) == neuron.isPresent()) {
            throw new IllegalArgumentException(kind == PinKind.INPUT ? "neuron: a sensor input follows no neuron"
                    : "neuron: missing; a " + kind.wireName() + " actuator follows a neuron");
        }
        boolean pwm = kind == PinKind.PWM;
        if (pwm == level.isPresent()) {
            throw new IllegalArgumentException(pwm ? "level: a pwm pin has a duty, not a level"
                    : "level: missing; an " + kind.wireName() + " pin is high or low");
        }
        if (pwm != dutyPercent.isPresent()) {
            throw new IllegalArgumentException(pwm ? "duty: missing; a pwm pin has a duty cycle"
                    : "duty: only a pwm pin has one");
        }
        if (pwm) {
            double duty = dutyPercent.getAsDouble();
            if (!(duty >= 0 && duty <= 100)) {
                throw new IllegalArgumentException("duty: must be 0 to 100 percent, got " + duty);
            }
            if (active != duty > 0) {
                throw new IllegalArgumentException("active: a pwm pin is active exactly when its duty is above 0");
            }
        }
    }

    /** A sensor input pin. */
    public static PinState input(int pin, String id, boolean active, PinLevel level, Instant timestamp) {
        return new PinState(pin, id, Optional.empty(), PinKind.INPUT, active, Optional.of(level),
                OptionalDouble.empty(), timestamp);
    }

    /** A digital actuator pin following {@code neuron}. */
    public static PinState digital(int pin, String id, String neuron, boolean active, PinLevel level,
                                   Instant timestamp) {
        return new PinState(pin, id, Optional.of(neuron), PinKind.DIGITAL, active, Optional.of(level),
                OptionalDouble.empty(), timestamp);
    }

    /** A PWM actuator pin following {@code neuron}; it is active when {@code dutyPercent > 0}. */
    public static PinState pwm(int pin, String id, String neuron, double dutyPercent, Instant timestamp) {
        return new PinState(pin, id, Optional.of(neuron), PinKind.PWM, dutyPercent > 0, Optional.empty(),
                OptionalDouble.of(dutyPercent), timestamp);
    }
}
