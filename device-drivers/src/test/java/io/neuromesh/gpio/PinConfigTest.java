package io.neuromesh.gpio;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PinConfigTest {

    @ParameterizedTest
    @ValueSource(ints = {-1, 28, 40})
    void everyConfigRejectsAPinOutsideBcm0To27(int pin) {
        String expected = "pin: must be a BCM GPIO number 0-27, got " + pin;
        assertRejected(expected, () -> new DigitalInputConfig(pin, Pull.DOWN, Duration.ZERO, false));
        assertRejected(expected, () -> new DigitalOutputConfig(pin, false, false));
        assertRejected(expected, () -> new PwmConfig(pin, 200, false));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 27})
    void everyConfigAcceptsTheEndsOfTheRange(int pin) {
        assertDoesNotThrow(() -> new DigitalInputConfig(pin, Pull.OFF, Duration.ZERO, true));
        assertDoesNotThrow(() -> new DigitalOutputConfig(pin, true, true));
        assertDoesNotThrow(() -> new PwmConfig(pin, 1000, true));
    }

    @Test
    void anInputNeedsAPull() {
        assertRejected("pull: must be UP, DOWN or OFF, got null",
                () -> new DigitalInputConfig(17, null, Duration.ZERO, false));
    }

    @Test
    void anInputRejectsANegativeOrMissingDebounce() {
        assertRejected("debounce: must be zero or positive, got PT-0.001S",
                () -> new DigitalInputConfig(17, Pull.DOWN, Duration.ofMillis(-1), false));
        assertRejected("debounce: must be zero or positive, got null",
                () -> new DigitalInputConfig(17, Pull.DOWN, null, false));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 100_001})
    void pwmRejectsAFrequencyOutside1To100000Hz(int frequency) {
        assertRejected("frequencyHz: must be 1-100000, got " + frequency, () -> new PwmConfig(18, frequency, false));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100_000})
    void pwmAcceptsTheEndsOfTheFrequencyRange(int frequency) {
        assertEquals(frequency, new PwmConfig(18, frequency, false).frequencyHz());
    }

    @Test
    void aDetectionIsNeverAuto() {
        assertRejected("mode: must be GPIOD or MOCK, got AUTO", () -> new GpioDetection(GpioMode.AUTO, "why"));
    }

    private static void assertRejected(String message, Executable construction) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, construction).getMessage());
    }
}
