package io.neuromesh.gpio;

/**
 * An open PWM output. The duty is logical: the share of each period the output is active, after
 * {@link PwmConfig#activeLow()} is applied. Methods may be called from any thread.
 *
 * <p>In {@link GpioMode#MOCK} mode the duty goes to Pi4J's mock PWM, which keeps whole percents. In
 * {@link GpioMode#GPIOD} mode a daemon thread toggles the pin in software (the gpiod plugin has no hardware PWM):
 * good for LEDs, too jittery for servos.
 *
 * @since 0.1
 */
public interface PwmOutputPin extends AutoCloseable {

    /**
     * @return the BCM GPIO number of this pin
     */
    int pin();

    /**
     * Sets the duty cycle; it takes effect at once.
     *
     * @param percent share of each period the output is active, 0-100 (0: always inactive, 100: always active)
     * @throws IllegalArgumentException if {@code percent} is not a number from 0 to 100
     * @throws IllegalStateException    if the pin is closed
     */
    void setDutyPercent(double percent);

    /**
     * @return the duty cycle last set, in percent (0 when the pin was opened)
     */
    double dutyPercent();

    /** Drives the output inactive and releases the pin so it can be opened again. Idempotent. */
    @Override
    void close();
}
