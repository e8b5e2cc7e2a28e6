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

import java.time.Instant;

/** An open actuator: a digital output or a PWM output (exactly one of them is set). Brain thread only. */
record OpenActuator(ActuatorSpec spec, DigitalOutputPin digital, PwmOutputPin pwm) {

    static OpenActuator open(GpioPort port, ActuatorSpec spec) {
        if (spec.kind() == ActuatorKind.PWM) {
            return new OpenActuator(spec, null, port.openPwm(new PwmConfig(spec.pin(), spec.pwm().frequencyHz(),
                    spec.activeLow())));
        }
        return new OpenActuator(spec, port.openOutput(new DigitalOutputConfig(spec.pin(), spec.activeLow(), false)),
                null);
    }

    /** Follows its neuron's output: digital on/off, PWM at its duty or 0. */
    void drive(int value) {
        if (digital != null) {
            digital.setActive(value == 1);
        } else {
            pwm.setDutyPercent(value == 1 ? spec.pwm().dutyPercent() : 0);
        }
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
