package io.neuromesh.edge.wire;

import java.util.Objects;
import java.util.Optional;

/**
 * A node's answer to a {@link GpioSetRequest} ({@link GpioSetCodec}).
 *
 * @param error empty when the node set the pin; otherwise why not, e.g. {@code pin 5 is not a sensor input on node n1}
 * @since 0.1
 */
public record GpioSetReply(Optional<String> error) {

    public GpioSetReply {
        Objects.requireNonNull(error, "error: must not be null; use Optional.empty()");
        if (error.isPresent() && error.get().isBlank()) {
            throw new IllegalArgumentException("error: must say why the pin was not set");
        }
    }

    /** The pin was set. */
    public static GpioSetReply done() {
        return new GpioSetReply(Optional.empty());
    }

    /** The pin was not set, for {@code reason}. */
    public static GpioSetReply refused(String reason) {
        return new GpioSetReply(Optional.of(reason));
    }
}
