package io.neuromesh.topology.internal.parse;

import java.util.List;

/**
 * The fields the parser knows, per object, in canonical order. The JSON Schema shipped with this module lists the
 * same fields; a test keeps the two in step.
 */
public final class FieldNames {

    /** The document itself. */
    public static final List<String> TOP_LEVEL =
            List.of("rev", "name", "tickMs", "defaults", "nodes", "sensors", "neurons", "synapses", "actuators");
    /** {@code defaults}. */
    public static final List<String> DEFAULTS = List.of("threshold", "mode", "inputWindowMs", "refractoryMs");
    /** {@code nodes[]}. */
    public static final List<String> NODE = List.of("id", "labels", "capacity");
    /** {@code sensors[]}. */
    public static final List<String> SENSOR = List.of("id", "node", "pin", "pull", "debounceMs", "activeLow", "value");
    /** {@code sensors[].value}. */
    public static final List<String> SENSOR_VALUE = List.of("high", "low");
    /** {@code neurons[]}. */
    public static final List<String> NEURON =
            List.of("id", "node", "threshold", "mode", "inputWindowMs", "refractoryMs", "requires", "prefers");
    /** {@code synapses[]}. */
    public static final List<String> SYNAPSE = List.of("from", "to", "weight");
    /** {@code actuators[]}. */
    public static final List<String> ACTUATOR =
            List.of("id", "node", "pin", "neuron", "kind", "activeLow", "frequencyHz", "dutyPercent", "failSafe",
                    "failSafeAfterMs");

    private FieldNames() {
    }
}
