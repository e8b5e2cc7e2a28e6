/**
 * GPIO for Neuromesh: digital inputs (buttons, PIR sensors), digital outputs (LEDs, relays) and PWM outputs,
 * opened through a {@link io.neuromesh.gpio.GpioPort} from {@link io.neuromesh.gpio.Gpio#open(GpioMode)}.
 * The same code drives a Raspberry Pi header through the Linux GPIO character device (gpiod) or, anywhere else,
 * Pi4J's mock plugin, which a {@link io.neuromesh.gpio.GpioSimulator} drives like real wires.
 * Pin numbers are BCM GPIO numbers, 0 to 27.
 * Everything under {@code io.neuromesh.gpio.internal} is an implementation detail and may change without notice.
 *
 * @since 0.1
 */
package io.neuromesh.gpio;
