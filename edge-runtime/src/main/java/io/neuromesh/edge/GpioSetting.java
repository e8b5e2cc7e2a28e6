package io.neuromesh.edge;

/**
 * Whether and how an edge runtime drives GPIO pins declared for its node in the topology.
 *
 * @since 0.1
 */
public enum GpioSetting {
    /** Real GPIO (gpiod) on a Raspberry Pi, the simulator elsewhere. */
    AUTO,
    /** Pi4J's mock plugin: pins are simulated and can be driven with {@code neuromesh gpio set}. */
    MOCK,
    /** Real GPIO through the Linux GPIO character device (Raspberry Pi 5, 4, 3, Zero 2). */
    GPIOD,
    /** No GPIO on this node: a topology that puts a sensor or actuator here is rejected by this node. */
    OFF;

    /** Default: {@link #AUTO}. */
    public static final GpioSetting DEFAULT = AUTO;
}
