package io.neuromesh.gpio.internal.pi4j;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import io.neuromesh.gpio.GpioSimulator;
import org.tinylog.Logger;

/** Drives and reads the pins of a port built on Pi4J's mock plugin. */
final class MockGpioSimulator implements GpioSimulator {

    private final Pi4jGpioPort port;

    MockGpioSimulator(Pi4jGpioPort port) {
        this.port = port;
    }

    @Override
    public void setLevel(int pin, boolean high) {
        if (!(port.openPin(pin) instanceof Pi4jDigitalInputPin input)) {
            throw notOpenAs(pin, "a digital input");
        }
        Logger.debug("GPIO simulator: pin {} {}", pin, high ? "high" : "low");
        // Outside the port's lock: Pi4J calls the pin's listener on this thread.
        ((MockDigitalInput) input.pi4j()).mockState(high ? DigitalState.HIGH : DigitalState.LOW);
    }

    @Override
    public boolean level(int pin) {
        OpenPin open = port.openPin(pin);
        if (open instanceof Pi4jDigitalOutputPin output) {
            return output.isHigh();
        }
        if (open instanceof Pi4jDigitalInputPin input) {
            return input.pi4j().state() == DigitalState.HIGH;
        }
        throw notOpenAs(pin, "a digital output or input");
    }

    @Override
    public double duty(int pin) {
        if (!(port.openPin(pin) instanceof PwmPin pwm)) {
            throw notOpenAs(pin, "a PWM output");
        }
        return pwm.physicalDutyPercent();
    }

    private IllegalStateException notOpenAs(int pin, String wanted) {
        return new IllegalStateException("pin " + pin + " is open as " + port.openPin(pin).kind() + ", not as "
                + wanted);
    }
}
