package io.neuromesh.edge.wire;

import io.neuromesh.topology.Ids;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The last value of each sensor feeding a neuron, retained on {@code neuron/<id>/state} by the neuron's host so that
 * whichever node hosts the neuron next restores them ({@link SensorStateCodec}).
 *
 * @param sensors   sensor id to its last value (finite), in the order given
 * @param timestamp when the host published it
 * @since 0.1
 */
public record SensorState(Map<String, Double> sensors, Instant timestamp) {

    public SensorState {
        Objects.requireNonNull(sensors, "sensors: must not be null");
        Objects.requireNonNull(timestamp, "ts: must not be null");
        sensors.forEach((sensor, value) -> {
            Ids.require("sensors", sensor);
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("sensors." + sensor + ": must be a finite number, got " + value);
            }
        });
        sensors = Collections.unmodifiableMap(new LinkedHashMap<>(sensors));
    }
}
