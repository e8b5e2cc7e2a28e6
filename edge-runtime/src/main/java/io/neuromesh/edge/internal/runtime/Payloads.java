package io.neuromesh.edge.internal.runtime;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.neuromesh.edge.internal.neuron.NeuronSnapshot;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/** JSON of the runtime's control-plane messages (status, topology results, replies); none is on the hot path. */
final class Payloads {

    private Payloads() {
    }

    static byte[] online(String node, Collection<String> neurons, long rev, String hash, long startedMillis,
                         io.neuromesh.edge.RuntimeStats stats) {
        JsonObject json = new JsonObject();
        json.addProperty("state", "online");
        json.addProperty("node", node);
        json.add("neurons", strings(neurons));
        json.addProperty("rev", rev);
        json.addProperty("hash", hash);
        json.addProperty("ts", System.currentTimeMillis());
        json.addProperty("since", startedMillis);
        json.addProperty("malformed", stats.malformed());
        json.addProperty("dropped", stats.dropped());
        return bytes(json);
    }

    static byte[] offline(String node, String reason) {
        JsonObject json = new JsonObject();
        json.addProperty("state", "offline");
        json.addProperty("node", node);
        json.add("neurons", new JsonArray());
        json.addProperty("reason", reason);
        json.addProperty("ts", System.currentTimeMillis());
        return bytes(json);
    }

    static byte[] topologyResult(ApplyResult result) {
        JsonObject json = new JsonObject();
        json.addProperty("rev", result.rev());
        json.addProperty("result", result.result().name().toLowerCase());
        json.addProperty("running", result.running());
        json.addProperty("hash", result.hash());
        json.add("neurons", strings(result.neurons()));
        json.add("errors", strings(result.errors()));
        json.addProperty("ts", System.currentTimeMillis());
        return bytes(json);
    }

    static byte[] events(String node, List<Brain.LogLine> lines) {
        JsonArray events = new JsonArray(lines.size());
        for (Brain.LogLine line : lines) {
            JsonObject e = new JsonObject();
            e.addProperty("ts", line.epochMicros());
            e.addProperty("neuron", line.neuron());
            e.addProperty("kind", line.kind());
            e.addProperty("text", line.text());
            events.add(e);
        }
        JsonObject json = new JsonObject();
        json.addProperty("node", node);
        json.add("events", events);
        return bytes(json);
    }

    static byte[] inspection(String node, NeuronSnapshot s, List<String> downstream) {
        JsonObject neuron = new JsonObject();
        neuron.addProperty("id", s.id());
        neuron.addProperty("mode", s.mode().name().toLowerCase());
        neuron.addProperty("threshold", s.threshold());
        neuron.addProperty("inputWindowMs", s.inputWindowMs());
        neuron.addProperty("refractoryMs", s.refractoryMs());
        neuron.addProperty("output", s.output());
        neuron.addProperty("sum", s.lastSum());
        neuron.addProperty("refractory", s.refractory());
        JsonObject weights = new JsonObject();
        s.weights().forEach(weights::addProperty);
        neuron.add("weights", weights);
        JsonObject inputs = new JsonObject();
        s.inputs().forEach((source, input) -> {
            JsonObject i = new JsonObject();
            i.addProperty("value", input.value());
            i.addProperty("ts", input.atMicros() / 1000);
            i.addProperty("live", input.live());
            inputs.add(source, i);
        });
        neuron.add("inputs", inputs);
        neuron.add("downstream", strings(downstream));
        neuron.addProperty("lastFired", s.lastFiredMicros() / 1000);
        neuron.addProperty("inputCount", s.inputCount());
        neuron.addProperty("fireCount", s.fireCount());
        neuron.addProperty("ignoredCount", s.ignoredCount());
        JsonObject json = new JsonObject();
        json.addProperty("node", node);
        json.add("neuron", neuron);
        return bytes(json);
    }

    static byte[] cleared(String node) {
        JsonObject json = new JsonObject();
        json.addProperty("node", node);
        json.addProperty("cleared", true);
        return bytes(json);
    }

    /** The {@code rev} of a topology payload that failed validation, if it has a readable one; else 0. */
    static long revOf(byte[] payload) {
        try {
            JsonElement root = JsonParser.parseString(new String(payload, StandardCharsets.UTF_8));
            if (root.isJsonObject() && root.getAsJsonObject().get("rev") instanceof com.google.gson.JsonPrimitive p
                    && p.isNumber()) {
                double rev = p.getAsDouble();
                return rev >= 1 && rev == Math.rint(rev) ? (long) rev : 0;
            }
        } catch (RuntimeException unreadable) {
            return 0;
        }
        return 0;
    }

    /** A string field of a JSON request, or null when absent or unreadable. */
    static String field(byte[] payload, String name) {
        try {
            JsonElement root = JsonParser.parseString(new String(payload, StandardCharsets.UTF_8));
            if (root.isJsonObject() && root.getAsJsonObject().get(name) instanceof com.google.gson.JsonPrimitive p) {
                return p.getAsString();
            }
        } catch (RuntimeException unreadable) {
            return null;
        }
        return null;
    }

    private static JsonArray strings(Collection<String> values) {
        JsonArray array = new JsonArray(values.size());
        values.forEach(array::add);
        return array;
    }

    private static byte[] bytes(JsonObject json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
