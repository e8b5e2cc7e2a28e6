package io.neuromesh.gpio;

import java.util.Locale;

/**
 * What {@link GpioMode#AUTO} resolves to on this machine, and why.
 *
 * @param mode   {@link GpioMode#GPIOD} or {@link GpioMode#MOCK}
 * @param reason what was found, for example {@code /proc/device-tree/model not found (not a Raspberry Pi)}
 * @since 0.1
 */
public record GpioDetection(GpioMode mode, String reason) {

    public GpioDetection {
        if (mode != GpioMode.GPIOD && mode != GpioMode.MOCK) {
            throw new IllegalArgumentException("mode: must be GPIOD or MOCK, got " + mode);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: must not be blank");
        }
    }

    /**
     * @return one line for logs, for example {@code mock: /proc/device-tree/model not found (not a Raspberry Pi)}
     */
    @Override
    public String toString() {
        return mode.name().toLowerCase(Locale.ROOT) + ": " + reason;
    }
}
