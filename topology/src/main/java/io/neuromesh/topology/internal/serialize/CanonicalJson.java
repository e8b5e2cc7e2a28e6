package io.neuromesh.topology.internal.serialize;

import io.neuromesh.topology.ActuatorSpec;
import io.neuromesh.topology.Defaults;
import io.neuromesh.topology.GpioInput;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.NodeSpec;
import io.neuromesh.topology.SensorSpec;
import io.neuromesh.topology.SynapseSpec;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.internal.json.JsonNames;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Writes the canonical form of a topology: compact, every field explicit, fields in the order of
 * {@code FieldNames}, elements in document order, whole numbers without a fraction. Equal topologies give equal
 * text, which is what the content hash relies on.
 */
public final class CanonicalJson {

    /** Bytes buffered before they are hashed. */
    private static final int BUFFER = 64 * 1024;

    private CanonicalJson() {
    }

    /** @return the canonical JSON of {@code topology} */
    public static String write(Topology topology) {
        CanonicalOut.Text text = new CanonicalOut.Text();
        write(topology, new JsonEmitter(text));
        return text.toString();
    }

    /**
     * The SHA-256 of the UTF-8 bytes of {@link #write(Topology)}, computed while writing: no copy of the whole text
     * is made (for 100,000 neurons that text is 18 MB).
     */
    public static byte[] sha256(Topology topology) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
        CanonicalOut.Digest digest = new CanonicalOut.Digest(sha256, BUFFER);
        write(topology, new JsonEmitter(digest));
        return digest.digest();
    }

    private static void write(Topology topology, JsonEmitter out) {
        out.beginObject();
        out.name("rev").value(topology.rev());
        if (topology.name() != null) {
            out.name("name").value(topology.name());
        }
        if (topology.isTicked()) {
            // Only when set, so that documents from before ticks existed keep their content hash.
            out.name("tickMs").value(topology.tick().toMillis());
        }
        defaults(out, topology.defaults());
        out.name("nodes").beginArray();
        for (NodeSpec node : topology.nodes()) {
            node(out, node);
        }
        out.endArray().name("sensors").beginArray();
        for (SensorSpec sensor : topology.sensors()) {
            sensor(out, sensor);
        }
        out.endArray().name("neurons").beginArray();
        for (NeuronSpec neuron : topology.neurons()) {
            neuron(out, neuron);
        }
        out.endArray().name("synapses").beginArray();
        for (SynapseSpec synapse : topology.synapses()) {
            out.beginObject().name("from").value(synapse.from()).name("to").value(synapse.to());
            out.name("weight").value(synapse.weight());
            out.endObject();
        }
        out.endArray().name("actuators").beginArray();
        for (ActuatorSpec actuator : topology.actuators()) {
            actuator(out, actuator);
        }
        out.endArray().endObject();
    }

    private static void defaults(JsonEmitter out, Defaults defaults) {
        out.name("defaults").beginObject();
        if (defaults.threshold().isPresent()) {
            out.name("threshold").value(defaults.threshold().getAsDouble());
        }
        out.name("mode").value(JsonNames.of(defaults.mode()))
                .name("inputWindowMs").value(defaults.inputWindow().toMillis())
                .name("refractoryMs").value(defaults.refractory().toMillis())
                .endObject();
    }

    private static void node(JsonEmitter out, NodeSpec node) {
        out.beginObject().name("id").value(node.id());
        strings(out.name("labels"), node.labels());
        if (node.capacity().isPresent()) {
            out.name("capacity").value(node.capacity().getAsInt());
        }
        out.endObject();
    }

    private static void sensor(JsonEmitter out, SensorSpec sensor) {
        out.beginObject().name("id").value(sensor.id());
        GpioInput gpio = sensor.gpio();
        if (gpio != null) {
            out.name("node").value(gpio.node())
                    .name("pin").value(gpio.pin())
                    .name("pull").value(JsonNames.of(gpio.pull()))
                    .name("debounceMs").value(gpio.debounce().toMillis())
                    .name("activeLow").value(gpio.activeLow());
        }
        out.name("value").beginObject();
        out.name("high").value(sensor.value().high());
        out.name("low").value(sensor.value().low());
        out.endObject().endObject();
    }

    private static void neuron(JsonEmitter out, NeuronSpec neuron) {
        out.beginObject().name("id").value(neuron.id());
        if (neuron.node() != null) {
            out.name("node").value(neuron.node());
        }
        out.name("threshold").value(neuron.threshold());
        out.name("mode").value(JsonNames.of(neuron.mode()))
                .name("inputWindowMs").value(neuron.inputWindow().toMillis())
                .name("refractoryMs").value(neuron.refractory().toMillis());
        strings(out.name("requires"), neuron.requires());
        // Written only when set: every topology from before prefers existed keeps its content hash.
        if (!neuron.prefers().isEmpty()) {
            strings(out.name("prefers"), neuron.prefers());
        }
        out.endObject();
    }

    private static void actuator(JsonEmitter out, ActuatorSpec actuator) {
        out.beginObject().name("id").value(actuator.id())
                .name("node").value(actuator.node())
                .name("pin").value(actuator.pin())
                .name("neuron").value(actuator.neuron())
                .name("kind").value(JsonNames.of(actuator.kind()))
                .name("activeLow").value(actuator.activeLow());
        if (actuator.pwm() != null) {
            out.name("frequencyHz").value(actuator.pwm().frequencyHz());
            out.name("dutyPercent").value(actuator.pwm().dutyPercent());
        }
        out.name("failSafe").value(JsonNames.of(actuator.failSafe()));
        if (actuator.failSafeAfter() != null) {
            out.name("failSafeAfterMs").value(actuator.failSafeAfter().toMillis());
        }
        out.endObject();
    }

    private static void strings(JsonEmitter out, List<String> values) {
        out.beginArray();
        for (String value : values) {
            out.value(value);
        }
        out.endArray();
    }
}
