package io.neuromesh.edge.wire;

import java.util.Objects;

/**
 * A request to drive a simulated GPIO input of one node, on {@code neuromesh/nodes/<node>/request/gpio-set}
 * ({@link GpioSetCodec}).
 *
 * @param pin   BCM number of a sensor input of that node
 * @param level the electrical level to set
 * @since 0.1
 */
public record GpioSetRequest(int pin, PinLevel level) {

    public GpioSetRequest {
        if (pin < 0) {
            throw new IllegalArgumentException("pin: must be a BCM number >= 0, got " + pin);
        }
        Objects.requireNonNull(level, "level: must not be null");
    }
}
