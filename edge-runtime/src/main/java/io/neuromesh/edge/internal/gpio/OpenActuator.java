package io.neuromesh.edge.internal.gpio;

import io.neuromesh.edge.wire.PinLevel;
import io.neuromesh.edge.wire.PinState;
import io.neuromesh.edge.wire.PinStateCodec;
import io.neuromesh.gpio.DigitalOutputConfig;
import io.neuromesh.gpio.DigitalOutputPin;
import io.neuromesh.gpio.GpioPort;
import io.neuromesh.gpio.PwmConfig;
import io.neuromesh.gpio.PwmOutputPin;
import io.neuromesh.topology.ActuatorKind;
import io.neuromesh.topology.ActuatorSpec;
import io.neuromesh.topology.FailSafe;

import java.time.Instant;

/**
 * An open actuator: a digital output or a PWM output (exactly one of them is set), the latest output of its neuron,
 * and whether it is held at its fail-safe level. Brain thread only.
 */
final class OpenActuator {

    private static final double FULL_DUTY = 100;

    private final DigitalOutputPin digital;
    private final PwmOutputPin pwm;
    private ActuatorSpec spec;
    /** The latest output of its neuron; 0 (off) until one arrives, as the pin opens inactive. */
    private int following;
    private boolean failedSafe;

    private OpenActuator(ActuatorSpec spec, DigitalOutputPin digital, PwmOutputPin pwm) {
        this.spec = spec;
        this.digital = digital;
        this.pwm = pwm;
    }

    static OpenActuator open(GpioPort port, ActuatorSpec spec) {
        if (spec.kind() == ActuatorKind.PWM) {
            return new OpenActuator(spec, null, port.openPwm(new PwmConfig(spec.pin(), spec.pwm().frequencyHz(),
                    spec.activeLow())));
        }
        return new OpenActuator(spec, port.openOutput(new DigitalOutputConfig(spec.pin(), spec.activeLow(), false)),
                null);
    }

    ActuatorSpec spec() {
        return spec;
    }

    /** @return whether {@code next} drives the same pin the same way, so only its fail-safe may differ */
    boolean sameOutput(ActuatorSpec next) {
        return spec.withFailSafe(next.failSafe(), next.failSafeAfter()).equals(next);
    }

    /** Takes a spec for which {@link #sameOutput} holds: a new fail-safe applies without touching the pin. */
    void respec(ActuatorSpec next) {
        spec = next;
    }

    /**
     * Follows its neuron's output: digital on/off, PWM at its duty or 0. While at its fail-safe level it only notes
     * the value, for {@link #resume()}.
     *
     * @return whether the pin was driven
     */
    boolean drive(int value) {
        following = value;
        if (failedSafe) {
            return false;
        }
        if (digital != null) {
            digital.setActive(value == 1);
        } else {
            pwm.setDutyPercent(value == 1 ? spec.pwm().dutyPercent() : 0);
        }
        return true;
    }

    boolean failedSafe() {
        return failedSafe;
    }

    /** Drives its fail-safe level (never called for {@link FailSafe#HOLD}) until {@link #resume()}. */
    void failSafe() {
        failedSafe = true;
        boolean on = spec.failSafe() == FailSafe.HIGH;
        if (digital != null) {
            digital.setActive(on);
        } else {
            pwm.setDutyPercent(on ? FULL_DUTY : 0);
        }
    }

    /** Leaves its fail-safe level and follows its neuron's latest output again; @return whether it was failed safe */
    boolean resume() {
        if (!failedSafe) {
            return false;
        }
        failedSafe = false;
        drive(following);
        return true;
    }

    /** @return its neuron's latest output as far as this node knows */
    int following() {
        return following;
    }

    /** Its retained pin state for watchers. */
    byte[] state() {
        if (digital != null) {
            boolean active = digital.isActive();
            return PinStateCodec.encode(PinState.digital(spec.pin(), spec.id(), spec.neuron(), active,
                    PinLevel.of(active != spec.activeLow()), Instant.now()));
        }
        return PinStateCodec.encode(PinState.pwm(spec.pin(), spec.id(), spec.neuron(), pwm.dutyPercent(),
                Instant.now()));
    }

    void close() {
        if (digital != null) {
            digital.close();
        } else {
            pwm.close();
        }
    }
}
