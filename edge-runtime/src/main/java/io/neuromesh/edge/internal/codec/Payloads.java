package io.neuromesh.edge.internal.codec;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.neuromesh.edge.internal.control.LogLine;
import io.neuromesh.edge.internal.neuron.NeuronSnapshot;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * JSON of the runtime's control-plane messages (status, topology results, neuron states, pin states, replies): the
 * one place each is written and read. None is on the hot path ({@link OutputCodec} has those).
 */
public final class Payloads {

    private Payloads() {
    }

    public static byte[] events(String node, List<LogLine> lines) {
        JsonArray events = new JsonArray(lines.size());
        for (LogLine line : lines) {
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

    public static byte[] inspection(String node, NeuronSnapshot s, List<String> downstream) {
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

    public static byte[] cleared(String node) {
        JsonObject json = new JsonObject();
        json.addProperty("node", node);
        json.addProperty("cleared", true);
        return bytes(json);
    }

    public static byte[] gpioSetReply(Optional<String> refusal) {
        JsonObject json = new JsonObject();
        json.addProperty("ok", refusal.isEmpty());
        refusal.ifPresent(reason -> json.addProperty("error", reason));
        return bytes(json);
    }

    /** A string field of a JSON request, or null when absent or unreadable. */
    public static String field(byte[] payload, String name) {
        try {
            JsonElement root = JsonParser.parseString(new String(payload, StandardCharsets.UTF_8));
            if (root.isJsonObject() && root.getAsJsonObject().get(name) instanceof JsonPrimitive p) {
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
