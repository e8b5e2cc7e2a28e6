package io.neuromesh.gpio;

/**
 * Plays the wires of a {@link GpioMode#MOCK} port: sets the physical level of inputs as a button or sensor would,
 * and reads what outputs drive. Levels are physical ({@code true} = high, 3.3 V), before active-low.
 * Methods may be called from any thread; an input change reaches the pin's listeners through the same path as on
 * hardware (Pi4J's listener, then debounce, then the port's event thread).
 *
 * @since 0.1
 */
public interface GpioSimulator {

    /**
     * Drives an open input pin to a physical level. An input opened with {@link Pull#UP} starts high, any other
     * input starts low, as a floating button would read.
     *
     * @param pin  BCM GPIO number of an open digital input
     * @param high true for high (3.3 V), false for low (GND)
     * @throws IllegalStateException if the pin is not open as a digital input
     */
    void setLevel(int pin, boolean high);

    /**
     * Reads the physical level of an open digital output or input.
     *
     * @param pin BCM GPIO number
     * @return true when the pin is high
     * @throws IllegalStateException if the pin is not open as a digital output or input
     */
    boolean level(int pin);

    /**
     * Reads the physical duty cycle of an open PWM output: the share of each period the pin is high.
     *
     * @param pin BCM GPIO number
     * @return duty in percent, 0-100
     * @throws IllegalStateException if the pin is not open as a PWM output
     */
    double duty(int pin);
}
