package io.neuromesh.gpio.internal.detect;

/**
 * A GPIO character device.
 *
 * @param name  its name under {@code /dev}, for example {@code gpiochip0}
 * @param label the driver's label, for example {@code pinctrl-rp1}; empty if the kernel shows none
 */
public record GpioChip(String name, String label) {

    @Override
    public String toString() {
        return name + " [" + (label.isEmpty() ? "no label" : label) + "]";
    }
}
