package io.neuromesh.topology;

import io.neuromesh.topology.internal.validate.Check;

/**
 * A sensor: a source of inputs that is not a neuron. A virtual sensor (no GPIO) is fed by users publishing
 * {@code {"from":"<id>","value":v}} to the neurons it feeds; a GPIO sensor is read by the runtime of its node,
 * which publishes exactly such inputs when the pin changes. JSON: {@code sensors[]}.
 *
 * @param id    the sensor id (the {@link Ids} rule; one namespace with neurons and actuators)
 * @param gpio  the pin it is read from, or null for a virtual sensor
 * @param value what it publishes for an active and an inactive pin (kept, but unused, on virtual sensors)
 * @since 0.1
 */
public record SensorSpec(String id, GpioInput gpio, SensorValue value) {

    /** Validates every field; throws {@link IllegalArgumentException} {@code "<field>: <what>"}. */
    public SensorSpec {
        Check.id("id", id);
        Check.notNull("value", value);
    }

    /** @return a virtual sensor with the default values */
    public static SensorSpec virtual(String id) {
        return new SensorSpec(id, null, SensorValue.DEFAULT);
    }

    /** @return true when the sensor has no pin and is fed by users */
    public boolean isVirtual() {
        return gpio == null;
    }
}
