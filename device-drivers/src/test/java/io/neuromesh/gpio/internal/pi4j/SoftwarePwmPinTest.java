package io.neuromesh.gpio.internal.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import io.neuromesh.gpio.GpioMode;
import io.neuromesh.gpio.PwmConfig;
import io.neuromesh.gpio.PwmOutputPin;
import io.neuromesh.gpio.internal.event.ManualScheduler;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The software PWM used in gpiod mode, on a mock digital output: a backend without a PWM provider. */
@Timeout(10)
class SoftwarePwmPinTest {

    private final Context context;
    private final Pi4jGpioPort port;
    private final BlockingQueue<DigitalState> levels = new LinkedBlockingQueue<>();

    SoftwarePwmPinTest() {
        var input = MockDigitalInputProvider.newInstance();
        var output = MockDigitalOutputProvider.newInstance();
        context = Pi4J.newContextBuilder().add(new MockPlatform()).add(input, output).build();
        port = new Pi4jGpioPort(new Pi4jBackend(GpioMode.MOCK, context, input.id(), output.id(), Optional.empty()),
                new ManualScheduler());
    }

    @AfterEach
    void closePort() {
        port.close();
    }

    @Test
    void togglesTheDigitalOutputAtPartialDuty() throws InterruptedException {
        PwmOutputPin led = open(false);

        led.setDutyPercent(50);

        for (int i = 0; i < 3; i++) {
            assertEquals(DigitalState.HIGH, levels.take());
            assertEquals(DigitalState.LOW, levels.take());
        }
        assertEquals(50.0, port.simulator().orElseThrow().duty(18));
    }

    @Test
    void anActiveLowSoftwarePwmHoldsThePinLowAtFullDuty() throws InterruptedException {
        PwmOutputPin led = open(true);

        led.setDutyPercent(100);

        assertEquals(DigitalState.LOW, levels.take());
        assertEquals(0.0, port.simulator().orElseThrow().duty(18));
    }

    @Test
    void closingStopsTheThreadAndLeavesThePinInactive() {
        PwmOutputPin led = open(false);
        led.setDutyPercent(50);
        DigitalOutput output = pi4jOutput();

        led.close();

        assertEquals(DigitalState.LOW, output.state());
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("neuromesh-gpio-pwm-18")));
    }

    private PwmOutputPin open(boolean activeLow) {
        PwmOutputPin pin = port.openPwm(new PwmConfig(18, 1000, activeLow));
        pi4jOutput().addListener(event -> levels.add(event.state()));
        return pin;
    }

    private DigitalOutput pi4jOutput() {
        return context.registry().get("neuromesh-pwm-18", DigitalOutput.class);
    }
}
