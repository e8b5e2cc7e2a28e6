package io.neuromesh.edge.wire;

import com.google.gson.JsonObject;

import java.time.Instant;
import java.util.Map;

/**
 * The one codec of {@link SensorState}, on {@code neuron/<id>/state} (retained):
 * {@code {"v":1,"sensors":{"button_x":1.0},"ts":1767225600000}}. Written when a sensor feeding a hosted neuron
 * changes, read once when a node adopts the neuron: not on the per-input hot path. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class SensorStateCodec {

    private static final String MESSAGE = "sensor state";

    private SensorStateCodec() {
    }

    /** The payload of {@code state}. */
    public static byte[] encode(SensorState state) {
        JsonObject json = JsonMessage.start();
        json.add("sensors", JsonMessage.numbers(state.sensors()));
        json.addProperty("ts", state.timestamp().toEpochMilli());
        return JsonMessage.bytes(json);
    }

    /**
     * Reads a sensor state payload (not an empty one: that means no state is retained).
     *
     * @throws WireFormatException when it is not a valid sensor state; the message names the field
     */
    public static SensorState decode(byte[] payload) throws WireFormatException {
        JsonMessage json = JsonMessage.parse(MESSAGE, payload);
        Map<String, Double> sensors = json.numbers("sensors");
        Instant ts = json.epochMillis("ts");
        return json.build(() -> new SensorState(sensors, ts));
    }
}
