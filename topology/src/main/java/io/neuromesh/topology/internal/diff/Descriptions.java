package io.neuromesh.topology.internal.diff;

import io.neuromesh.topology.ActuatorSpec;
import io.neuromesh.topology.Change;
import io.neuromesh.topology.Changes;
import io.neuromesh.topology.FailSafe;
import io.neuromesh.topology.GpioInput;
import io.neuromesh.topology.NeuronMode;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.NodeSpec;
import io.neuromesh.topology.PwmSettings;
import io.neuromesh.topology.SensorSpec;
import io.neuromesh.topology.SensorValue;
import io.neuromesh.topology.SynapseSpec;
import io.neuromesh.topology.TopologyDiff;
import io.neuromesh.topology.internal.json.JsonNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns a {@link TopologyDiff} into lines for humans. */
public final class Descriptions {

    private static final String NONE = "none";

    /** How one kind of element is named, summarized when added, and compared field by field when changed. */
    private record Describer<T>(String kind, Function<T, String> name, Function<T, String> summary,
                                Function<T, Map<String, String>> fields) {
    }

    private static final Describer<NodeSpec> NODE = new Describer<>("node", NodeSpec::id,
            Descriptions::summary, Descriptions::fields);
    private static final Describer<SensorSpec> SENSOR = new Describer<>("sensor", SensorSpec::id,
            Descriptions::summary, Descriptions::fields);
    private static final Describer<NeuronSpec> NEURON = new Describer<>("neuron", NeuronSpec::id,
            Descriptions::summary, Descriptions::fields);
    private static final Describer<SynapseSpec> SYNAPSE = new Describer<>("synapse", s -> s.from() + " -> " + s.to(),
            s -> "weight " + s.weight(), s -> Map.of("weight", Double.toString(s.weight())));
    private static final Describer<ActuatorSpec> ACTUATOR = new Describer<>("actuator", ActuatorSpec::id,
            Descriptions::summary, Descriptions::fields);

    private Descriptions() {
    }

    /** @return the lines of {@link TopologyDiff#describe()} */
    public static List<String> describe(TopologyDiff diff) {
        List<String> lines = new ArrayList<>();
        diff.tick().ifPresent(tick -> lines.add("~ tickMs " + tick.before().toMillis() + " -> " + tick.after().toMillis()));
        describe(diff.nodes(), NODE, lines);
        describe(diff.sensors(), SENSOR, lines);
        describe(diff.neurons(), NEURON, lines);
        describe(diff.synapses(), SYNAPSE, lines);
        describe(diff.actuators(), ACTUATOR, lines);
        return List.copyOf(lines);
    }

    private static <T> void describe(Changes<T> changes, Describer<T> describer, List<String> lines) {
        for (T removed : changes.removed()) {
            lines.add("- " + describer.kind() + " " + describer.name().apply(removed));
        }
        for (T added : changes.added()) {
            String summary = describer.summary().apply(added);
            lines.add("+ " + describer.kind() + " " + describer.name().apply(added)
                    + (summary.isEmpty() ? "" : " (" + summary + ")"));
        }
        for (Change<T> change : changes.changed()) {
            lines.add("~ " + describer.kind() + " " + describer.name().apply(change.after()) + ": "
                    + differences(describer.fields().apply(change.before()), describer.fields().apply(change.after())));
        }
    }

    /** Both maps hold the same keys in the same order: each describer writes every field, "none" when absent. */
    private static String differences(Map<String, String> before, Map<String, String> after) {
        List<String> parts = new ArrayList<>();
        after.forEach((key, now) -> {
            String was = before.get(key);
            if (!now.equals(was)) {
                parts.add(key + " " + was + " -> " + now);
            }
        });
        return String.join(", ", parts);
    }

    private static String summary(NodeSpec node) {
        List<String> parts = new ArrayList<>();
        if (!node.labels().isEmpty()) {
            parts.add("labels " + node.labels());
        }
        node.capacity().ifPresent(capacity -> parts.add("capacity " + capacity));
        return String.join(", ", parts);
    }

    private static Map<String, String> fields(NodeSpec node) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("labels", node.labels().toString());
        fields.put("capacity", node.capacity().isPresent() ? Integer.toString(node.capacity().getAsInt()) : "unlimited");
        return fields;
    }

    private static String summary(SensorSpec sensor) {
        GpioInput gpio = sensor.gpio();
        if (gpio == null) {
            return "virtual";
        }
        String summary = "node " + gpio.node() + " pin " + gpio.pin() + ", pull " + JsonNames.of(gpio.pull())
                + ", debounce " + gpio.debounce().toMillis() + " ms" + (gpio.activeLow() ? ", active low" : "");
        return sensor.value().equals(SensorValue.DEFAULT) ? summary
                : summary + ", value high " + sensor.value().high() + " low " + sensor.value().low();
    }

    private static Map<String, String> fields(SensorSpec sensor) {
        Map<String, String> fields = new LinkedHashMap<>();
        GpioInput gpio = sensor.gpio();
        fields.put("node", gpio == null ? NONE : gpio.node());
        fields.put("pin", gpio == null ? NONE : Integer.toString(gpio.pin()));
        fields.put("pull", gpio == null ? NONE : JsonNames.of(gpio.pull()));
        fields.put("debounceMs", gpio == null ? NONE : Long.toString(gpio.debounce().toMillis()));
        fields.put("activeLow", gpio == null ? NONE : Boolean.toString(gpio.activeLow()));
        fields.put("value.high", Double.toString(sensor.value().high()));
        fields.put("value.low", Double.toString(sensor.value().low()));
        return fields;
    }

    private static String summary(NeuronSpec neuron) {
        StringBuilder summary = new StringBuilder(neuron.isPinned() ? "node " + neuron.node() : "auto-placed")
                .append(", ").append(JsonNames.of(neuron.mode()))
                .append(", threshold ").append(neuron.threshold());
        if (neuron.mode() == NeuronMode.SPIKE) {
            summary.append(", window ").append(neuron.inputWindow().toMillis()).append(" ms, refractory ")
                    .append(neuron.refractory().toMillis()).append(" ms");
        }
        if (!neuron.requires().isEmpty()) {
            summary.append(", requires ").append(neuron.requires());
        }
        if (!neuron.prefers().isEmpty()) {
            summary.append(", prefers ").append(neuron.prefers());
        }
        return summary.toString();
    }

    private static Map<String, String> fields(NeuronSpec neuron) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("node", neuron.isPinned() ? neuron.node() : "auto-placed");
        fields.put("threshold", Double.toString(neuron.threshold()));
        fields.put("mode", JsonNames.of(neuron.mode()));
        fields.put("inputWindowMs", Long.toString(neuron.inputWindow().toMillis()));
        fields.put("refractoryMs", Long.toString(neuron.refractory().toMillis()));
        fields.put("requires", neuron.requires().toString());
        fields.put("prefers", neuron.prefers().toString());
        return fields;
    }

    private static String summary(ActuatorSpec actuator) {
        String kind = actuator.pwm() == null ? JsonNames.of(actuator.kind())
                : "pwm " + actuator.pwm().frequencyHz() + " Hz " + actuator.pwm().dutyPercent() + "%";
        return "node " + actuator.node() + " pin " + actuator.pin() + ", follows " + actuator.neuron() + ", " + kind
                + (actuator.activeLow() ? ", active low" : "") + failSafeSummary(actuator);
    }

    /** Empty for the default (low after 5 s), so that the common case stays short. */
    private static String failSafeSummary(ActuatorSpec actuator) {
        if (actuator.failSafe() == FailSafe.HOLD) {
            return ", fail-safe hold";
        }
        boolean standard = actuator.failSafe() == ActuatorSpec.DEFAULT_FAIL_SAFE
                && actuator.failSafeAfter().equals(ActuatorSpec.DEFAULT_FAIL_SAFE_AFTER);
        return standard ? "" : ", fail-safe " + JsonNames.of(actuator.failSafe()) + " after "
                + actuator.failSafeAfter().toMillis() + " ms";
    }

    private static Map<String, String> fields(ActuatorSpec actuator) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("node", actuator.node());
        fields.put("pin", Integer.toString(actuator.pin()));
        fields.put("neuron", actuator.neuron());
        fields.put("kind", JsonNames.of(actuator.kind()));
        fields.put("activeLow", Boolean.toString(actuator.activeLow()));
        PwmSettings pwm = actuator.pwm();
        fields.put("frequencyHz", pwm == null ? NONE : Integer.toString(pwm.frequencyHz()));
        fields.put("dutyPercent", pwm == null ? NONE : Double.toString(pwm.dutyPercent()));
        fields.put("failSafe", JsonNames.of(actuator.failSafe()));
        fields.put("failSafeAfterMs", actuator.failSafeAfter() == null ? NONE
                : Long.toString(actuator.failSafeAfter().toMillis()));
        return fields;
    }
}
