package io.neuromesh.broker.internal.extension;

import java.nio.ByteBuffer;
import java.util.Optional;

/** HiveMQ hands payloads over as read-only buffers; the checks want bytes. */
public final class Payloads {

    private Payloads() {
    }

    /**
     * @param payload a payload as HiveMQ's extension API gives it
     * @return a copy of its remaining bytes, or an empty array when there is none; the buffer's position is untouched,
     *         so HiveMQ's own reading of it is not disturbed
     */
    public static byte[] bytes(Optional<ByteBuffer> payload) {
        return payload.map(buffer -> {
            ByteBuffer view = buffer.duplicate();
            byte[] bytes = new byte[view.remaining()];
            view.get(bytes);
            return bytes;
        }).orElse(new byte[0]);
    }
}
