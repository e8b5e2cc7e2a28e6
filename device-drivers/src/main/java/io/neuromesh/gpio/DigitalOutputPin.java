package io.neuromesh.gpio;

/**
 * An open digital output. States are logical: {@code true} means active, after
 * {@link DigitalOutputConfig#activeLow()} is applied. Methods may be called from any thread.
 *
 * @since 0.1
 */
public interface DigitalOutputPin extends AutoCloseable {

    /**
     * @return the BCM GPIO number of this pin
     */
    int pin();

    /**
     * Drives the pin at once.
     *
     * @param active true to make the output active (LED on)
     * @throws IllegalStateException if the pin is closed
     */
    void setActive(boolean active);

    /**
     * @return the logical state the pin is driven to
     */
    boolean isActive();

    /** Drives the output inactive and releases the pin so it can be opened again. Idempotent. */
    @Override
    void close();
}
