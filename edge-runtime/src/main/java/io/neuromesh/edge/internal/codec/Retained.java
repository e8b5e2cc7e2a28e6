package io.neuromesh.edge.internal.codec;

import io.neuromesh.edge.wire.OutputCodec;
import io.neuromesh.edge.wire.SensorStateCodec;
import io.neuromesh.edge.wire.WireFormatException;

import java.util.Map;

/**
 * The retained payloads a node restores from or follows, read through the wire codecs, where a cleared or
 * unreadable one counts as absent: a neuron then starts from rest instead of from a value no one can read.
 */
public final class Retained {

    private Retained() {
    }

    /** The {@code value} (0 or 1) of an output payload, or -1 when there is none (cleared, or not a valid output). */
    public static int outputValue(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return -1;
        }
        try {
            return OutputCodec.decode(payload).value();
        } catch (WireFormatException unreadable) {
            return -1;
        }
    }

    /** The sensor values of a neuron's state payload; empty when there is none (cleared, or not a valid state). */
    public static Map<String, Double> sensorValues(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return Map.of();
        }
        try {
            return SensorStateCodec.decode(payload).sensors();
        } catch (WireFormatException unreadable) {
            return Map.of();
        }
    }
}
