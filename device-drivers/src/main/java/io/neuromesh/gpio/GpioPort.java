package io.neuromesh.gpio;

import java.util.Optional;

/**
 * Access to the GPIO pins of one machine. Open one with {@link Gpio#open(GpioMode)}; close it to release every pin.
 * A pin can be open once at a time; closing a pin frees it to be opened again, with any configuration.
 * Methods may be called from any thread.
 *
 * <p>Each port owns one event thread on which the listeners of all its inputs run (see {@link DigitalInputPin}).
 *
 * @since 0.1
 */
public interface GpioPort extends AutoCloseable {

    /** Lowest BCM GPIO number on the 40-pin header. */
    int MIN_PIN = 0;
    /** Highest BCM GPIO number on the 40-pin header. */
    int MAX_PIN = 27;

    /**
     * Opens a digital input.
     *
     * @param config pin, pull, debounce and polarity
     * @return the open pin
     * @throws IllegalStateException if the pin is already open on this port (for example
     *                               {@code pin 17 is already open as an input}) or the port is closed
     * @throws GpioException         if the hardware refuses the pin
     */
    DigitalInputPin openInput(DigitalInputConfig config);

    /**
     * Opens a digital output, driven to {@link DigitalOutputConfig#initialActive()} at once.
     *
     * @param config pin, polarity and initial state
     * @return the open pin
     * @throws IllegalStateException if the pin is already open on this port or the port is closed
     * @throws GpioException         if the hardware refuses the pin
     */
    DigitalOutputPin openOutput(DigitalOutputConfig config);

    /**
     * Opens a PWM output with a duty of 0 % (inactive).
     *
     * @param config pin, frequency and polarity
     * @return the open pin
     * @throws IllegalStateException if the pin is already open on this port or the port is closed
     * @throws GpioException         if the hardware refuses the pin
     */
    PwmOutputPin openPwm(PwmConfig config);

    /**
     * @return the mode in use: {@link GpioMode#MOCK} or {@link GpioMode#GPIOD}, never {@link GpioMode#AUTO}
     */
    GpioMode mode();

    /**
     * @return the simulator of a {@link GpioMode#MOCK} port; empty for real hardware
     */
    Optional<GpioSimulator> simulator();

    /** Closes every pin still open (outputs go inactive), then the port and its event thread. Idempotent. */
    @Override
    void close();
}
