package io.neuromesh.gpio.internal.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.io.gpio.digital.PullResistance;
import io.neuromesh.gpio.DigitalInputPin;
import io.neuromesh.gpio.DigitalOutputConfig;
import io.neuromesh.gpio.DigitalOutputPin;
import io.neuromesh.gpio.GpioMode;
import io.neuromesh.gpio.GpioSimulator;
import io.neuromesh.gpio.Pull;
import io.neuromesh.gpio.PwmConfig;
import io.neuromesh.gpio.PwmOutputPin;
import io.neuromesh.gpio.internal.event.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The port through Pi4J's mock plugin (the same Pi4J code path as on a Pi), with time under the test's control. */
class Pi4jGpioPortTest {

    private static final Duration DEBOUNCE = Duration.ofMillis(20);

    private final ManualScheduler events = new ManualScheduler();
    private final Pi4jBackend backend = Pi4jBackend.mock();
    private final Pi4jGpioPort port = new Pi4jGpioPort(backend, events);
    private final GpioSimulator simulator = port.simulator().orElseThrow();
    private final List<Boolean> changes = new ArrayList<>();

    @AfterEach
    void closePort() {
        port.close();
    }

    @Test
    void isAMockPortWithASimulator() {
        assertEquals(GpioMode.MOCK, port.mode());
        assertTrue(port.simulator().isPresent());
    }

    @Test
    void aBurstOfBouncesYieldsOneDebouncedChange() {
        DigitalInputPin button = input(17, Pull.DOWN, DEBOUNCE, false);

        for (int i = 0; i < 5; i++) {
            simulator.setLevel(17, true);
            events.advance(Duration.ofMillis(2));
            simulator.setLevel(17, false);
            events.advance(Duration.ofMillis(2));
        }
        simulator.setLevel(17, true);
        events.advance(DEBOUNCE.minusMillis(1));
        assertEquals(List.of(), changes, "nothing until the level has been stable for the window");
        assertFalse(button.isActive());

        events.advance(Duration.ofMillis(1));

        assertEquals(List.of(true), changes);
        assertTrue(button.isActive());
    }

    @Test
    void zeroDebouncePassesEveryEdgeStraightThrough() {
        DigitalInputPin button = input(17, Pull.DOWN, Duration.ZERO, false);

        simulator.setLevel(17, true);
        events.runPending();
        simulator.setLevel(17, false);
        events.runPending();
        simulator.setLevel(17, true);
        events.runPending();

        assertEquals(List.of(true, false, true), changes);
        assertTrue(button.isActive());
    }

    @Test
    void listenersRunOnThePortsEventThreadNotTheCallers() {
        input(17, Pull.DOWN, Duration.ZERO, false);

        simulator.setLevel(17, true);
        assertEquals(List.of(), changes, "setLevel only hands the edge over");

        events.runPending();
        assertEquals(List.of(true), changes);
    }

    @Test
    void anActiveLowInputIsActiveWhileThePinIsLow() {
        DigitalInputPin button = input(5, Pull.UP, Duration.ZERO, true);
        assertTrue(simulator.level(5), "a pull-up input rests high");
        assertFalse(button.isActive());

        simulator.setLevel(5, false);
        events.runPending();

        assertEquals(List.of(true), changes);
        assertTrue(button.isActive());
    }

    @Test
    void anActiveHighInputIsInactiveWhileThePinIsLow() {
        DigitalInputPin sensor = input(6, Pull.DOWN, Duration.ZERO, false);
        assertFalse(simulator.level(6), "a pull-down input rests low");
        assertFalse(sensor.isActive());

        simulator.setLevel(6, true);
        simulator.setLevel(6, false);
        events.runPending();

        assertEquals(List.of(true, false), changes);
        assertFalse(sensor.isActive());
    }

    @ParameterizedTest
    @CsvSource({"UP, PULL_UP", "DOWN, PULL_DOWN", "OFF, OFF"})
    void thePullReachesThePi4jInputConfig(Pull pull, PullResistance expected) {
        Pi4jDigitalInputPin pin = (Pi4jDigitalInputPin) port.openInput(
                new io.neuromesh.gpio.DigitalInputConfig(17, pull, DEBOUNCE, false));

        DigitalInputConfig pi4jConfig = pin.pi4j().config();
        assertEquals(expected, pi4jConfig.pull());
        assertEquals(0L, pi4jConfig.debounce(), "debounce is ours; Pi4J's is off");
        assertEquals(17, pi4jConfig.address());
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheOthers() {
        DigitalInputPin button = input(17, Pull.DOWN, Duration.ZERO, false);
        button.onChange(active -> {
            throw new IllegalStateException("listener bug");
        });
        List<Boolean> second = new ArrayList<>();
        button.onChange(second::add);

        simulator.setLevel(17, true);
        events.runPending();

        assertEquals(List.of(true), changes);
        assertEquals(List.of(true), second);
    }

    @Test
    void closingAnInputDropsAChangeStillBeingDebounced() {
        DigitalInputPin button = input(17, Pull.DOWN, DEBOUNCE, false);
        simulator.setLevel(17, true);
        events.advance(Duration.ofMillis(5));

        button.close();
        events.advance(Duration.ofSeconds(1));

        assertEquals(List.of(), changes);
    }

    @Test
    void anActiveHighOutputDrivesThePinHighWhenActive() {
        DigitalOutputPin led = port.openOutput(new DigitalOutputConfig(22, false, true));
        assertTrue(simulator.level(22), "initially active");
        assertTrue(led.isActive());

        led.setActive(false);

        assertFalse(simulator.level(22));
        assertFalse(led.isActive());
    }

    @Test
    void anActiveLowOutputDrivesThePinLowWhenActive() {
        DigitalOutputPin relay = port.openOutput(new DigitalOutputConfig(23, true, false));
        assertTrue(simulator.level(23), "inactive active-low output is high");
        assertFalse(relay.isActive());

        relay.setActive(true);

        assertFalse(simulator.level(23));
        assertTrue(relay.isActive());
    }

    @Test
    void closingAnOutputDrivesItInactive() {
        DigitalOutputPin led = port.openOutput(new DigitalOutputConfig(22, false, true));

        led.close();

        assertFalse(led.isActive());
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> led.setActive(true));
        assertEquals("pin 22 is closed", error.getMessage());
    }

    @Test
    void pwmDutyChangesAreVisibleThroughTheMock() {
        PwmOutputPin led = port.openPwm(new PwmConfig(18, 1000, false));
        assertEquals(0.0, simulator.duty(18));

        led.setDutyPercent(40);
        assertEquals(40.0, simulator.duty(18));
        assertEquals(40.0, led.dutyPercent());

        led.setDutyPercent(100);
        assertEquals(100.0, simulator.duty(18));

        led.setDutyPercent(0);
        assertEquals(0.0, simulator.duty(18));
    }

    @Test
    void anActiveLowPwmInvertsThePhysicalDuty() {
        PwmOutputPin led = port.openPwm(new PwmConfig(18, 1000, true));
        assertEquals(100.0, simulator.duty(18), "inactive active-low PWM holds the pin high");

        led.setDutyPercent(25);

        assertEquals(75.0, simulator.duty(18));
        assertEquals(25.0, led.dutyPercent());
    }

    @ParameterizedTest
    @CsvSource({"-0.1", "100.1", "NaN"})
    void pwmRejectsADutyOutside0To100(double duty) {
        PwmOutputPin led = port.openPwm(new PwmConfig(18, 1000, false));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> led.setDutyPercent(duty));

        assertEquals("dutyPercent: must be 0-100, got " + duty, error.getMessage());
    }

    @Test
    void aClosedPinCanBeReopenedAsAnything() {
        port.openInput(new io.neuromesh.gpio.DigitalInputConfig(17, Pull.DOWN, DEBOUNCE, false)).close();
        DigitalOutputPin output = port.openOutput(new DigitalOutputConfig(17, false, true));
        assertTrue(simulator.level(17));
        output.close();
        port.openPwm(new PwmConfig(17, 200, false)).close();

        input(17, Pull.DOWN, Duration.ZERO, false);
        simulator.setLevel(17, true);
        events.runPending();

        assertEquals(List.of(true), changes);
    }

    @Test
    void aSensorMovesToAnotherPinAndBack() {
        DigitalInputPin first = input(17, Pull.DOWN, Duration.ZERO, false);
        first.close();
        DigitalInputPin moved = input(5, Pull.DOWN, Duration.ZERO, false);
        simulator.setLevel(5, true);
        events.runPending();
        moved.close();

        DigitalInputPin back = input(17, Pull.DOWN, Duration.ZERO, false);
        simulator.setLevel(17, true);
        events.runPending();

        assertEquals(List.of(true, true), changes);
        assertTrue(back.isActive());
    }

    @Test
    void openingAPinTwiceIsRejectedWithItsCurrentUse() {
        input(17, Pull.DOWN, DEBOUNCE, false);
        port.openOutput(new DigitalOutputConfig(22, false, false));
        port.openPwm(new PwmConfig(18, 200, false));

        assertEquals("pin 17 is already open as an input", assertThrows(IllegalStateException.class,
                () -> port.openOutput(new DigitalOutputConfig(17, false, false))).getMessage());
        assertEquals("pin 22 is already open as an output", assertThrows(IllegalStateException.class,
                () -> input(22, Pull.OFF, DEBOUNCE, false)).getMessage());
        assertEquals("pin 18 is already open as a PWM output", assertThrows(IllegalStateException.class,
                () -> port.openPwm(new PwmConfig(18, 200, false))).getMessage());
    }

    @Test
    void closingThePortClosesEveryPin() {
        DigitalInputPin button = input(17, Pull.DOWN, DEBOUNCE, false);
        DigitalOutputPin led = port.openOutput(new DigitalOutputConfig(22, false, true));
        PwmOutputPin dimmer = port.openPwm(new PwmConfig(18, 200, false));
        simulator.setLevel(17, true);

        port.close();
        port.close();
        events.advance(Duration.ofSeconds(1));

        assertEquals(List.of(), changes);
        assertFalse(button.isActive());
        assertFalse(led.isActive());
        assertThrows(IllegalStateException.class, () -> led.setActive(true));
        assertThrows(IllegalStateException.class, () -> dimmer.setDutyPercent(50));
        assertTrue(backend.context().isShutdown());
        assertTrue(events.isClosed());
        assertEquals("the GPIO port is closed", assertThrows(IllegalStateException.class,
                () -> input(17, Pull.DOWN, DEBOUNCE, false)).getMessage());
    }

    @Test
    void closingAPinTwiceIsHarmless() {
        DigitalInputPin button = input(17, Pull.DOWN, DEBOUNCE, false);
        button.close();
        button.close();
        DigitalOutputPin led = port.openOutput(new DigitalOutputConfig(17, false, false));
        button.close();

        led.setActive(true);
        assertTrue(simulator.level(17), "a stale close must not release the pin's new owner");
    }

    @Test
    void theSimulatorOnlyDrivesOpenInputs() {
        port.openOutput(new DigitalOutputConfig(22, false, false));
        port.openPwm(new PwmConfig(18, 200, false));

        assertEquals("pin 4 is not open on this port (open: [18, 22])",
                assertThrows(IllegalStateException.class, () -> simulator.setLevel(4, true)).getMessage());
        assertEquals("pin 22 is open as an output, not as a digital input",
                assertThrows(IllegalStateException.class, () -> simulator.setLevel(22, true)).getMessage());
        assertEquals("pin 18 is open as a PWM output, not as a digital output or input",
                assertThrows(IllegalStateException.class, () -> simulator.level(18)).getMessage());
        assertEquals("pin 22 is open as an output, not as a PWM output",
                assertThrows(IllegalStateException.class, () -> simulator.duty(22)).getMessage());
    }

    private DigitalInputPin input(int pin, Pull pull, Duration debounce, boolean activeLow) {
        DigitalInputPin input = port.openInput(new io.neuromesh.gpio.DigitalInputConfig(pin, pull, debounce,
                activeLow));
        input.onChange(changes::add);
        events.runPending();
        return input;
    }
}
