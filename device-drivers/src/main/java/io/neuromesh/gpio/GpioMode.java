package io.neuromesh.gpio;

/**
 * Which GPIO implementation a {@link GpioPort} uses.
 *
 * @since 0.1
 */
public enum GpioMode {
    /** {@link #GPIOD} on a Raspberry Pi, {@link #MOCK} anywhere else; {@link Gpio#detect()} says which and why. */
    AUTO,
    /** Pi4J's mock plugin: no hardware; a {@link GpioSimulator} sets input levels and reads outputs. */
    MOCK,
    /** The Linux GPIO character device ({@code /dev/gpiochipN}) through Pi4J's gpiod plugin: a real header. */
    GPIOD;

    /** The mode used when none is given. */
    public static final GpioMode DEFAULT = AUTO;
}
