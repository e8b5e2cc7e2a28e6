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

    /** A node's retained status: {@code online} (or {@code leaving}) with what it hosts and its load. */
    static byte[] status(String state, String node, String instance, Collection<String> neurons, long rev,
                         String hash, long startedMillis, io.neuromesh.edge.RuntimeStats stats, Heartbeat.Load load) {
        JsonObject json = new JsonObject();
        json.addProperty("state", state);
        json.addProperty("node", node);
        json.addProperty("instance", instance);
        json.add("neurons", strings(neurons));
        json.addProperty("rev", rev);
        json.addProperty("hash", hash);
        json.addProperty("ts", System.currentTimeMillis());
        json.addProperty("since", startedMillis);
        json.addProperty("inputsPerSecond", load.inputsPerSecond());
        json.addProperty("queue", load.queue());
        json.addProperty("heapUsedMb", load.heapUsedMb());
        json.addProperty("heapMaxMb", load.heapMaxMb());
        json.addProperty("malformed", stats.malformed());
        json.addProperty("dropped", stats.dropped());
        return bytes(json);
    }

    /** What membership needs from a status payload, and who sent it. */
    record Status(String state, long tsMillis, List<String> neurons, String instance, long sinceMillis) {
    }

    /** Reads a status payload; an unreadable one counts as offline. */
    static Status readStatus(byte[] payload) {
        try {
            JsonElement root = JsonParser.parseString(new String(payload, StandardCharsets.UTF_8));
            if (root.isJsonObject()) {
                JsonObject json = root.getAsJsonObject();
                List<String> neurons = new java.util.ArrayList<>();
                if (json.get("neurons") instanceof JsonArray array) {
                    array.forEach(e -> neurons.add(e.getAsString()));
                }
                String state = json.get("state") instanceof com.google.gson.JsonPrimitive p ? p.getAsString() : "offline";
                long ts = json.get("ts") instanceof com.google.gson.JsonPrimitive t && t.isNumber() ? t.getAsLong() : 0;
                long since = json.get("since") instanceof com.google.gson.JsonPrimitive t && t.isNumber()
                        ? t.getAsLong() : 0;
                String instance = json.get("instance") instanceof com.google.gson.JsonPrimitive i ? i.getAsString() : "";
                return new Status(state, ts, neurons, instance, since);
            }
        } catch (RuntimeException unreadable) {
            return new Status("offline", 0, List.of(), "", 0);
        }
        return new Status("offline", 0, List.of(), "", 0);
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

    /** {@code {"sensors":{"button_x":1},"ts":...}}: a neuron's last sensor values. */
    static byte[] state(java.util.Map<String, Double> sensors) {
        JsonObject values = new JsonObject();
        sensors.forEach(values::addProperty);
        JsonObject json = new JsonObject();
        json.add("sensors", values);
        json.addProperty("ts", System.currentTimeMillis());
        return bytes(json);
    }

    /** The sensor values of a state payload (empty when null or unreadable). */
    static java.util.Map<String, Double> sensorValues(byte[] payload) {
        java.util.Map<String, Double> values = new java.util.HashMap<>();
        if (payload == null || payload.length == 0) {
            return values;
        }
        try {
            JsonElement root = JsonParser.parseString(new String(payload, StandardCharsets.UTF_8));
            if (root.isJsonObject() && root.getAsJsonObject().get("sensors") instanceof JsonObject sensors) {
                sensors.entrySet().forEach(e -> {
                    if (e.getValue().isJsonPrimitive() && e.getValue().getAsJsonPrimitive().isNumber()) {
                        values.put(e.getKey(), e.getValue().getAsDouble());
                    }
                });
            }
        } catch (RuntimeException unreadable) {
            values.clear();
        }
        return values;
    }

    /** The {@code value} (0 or 1) of an output payload, or -1 when it has none (e.g. a cleared retained output). */
    static int outputValue(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return -1;
        }
        String value = field(payload, "value");
        return "1".equals(value) ? 1 : "0".equals(value) ? 0 : -1;
    }

    static byte[] gpioSetReply(java.util.Optional<String> refusal) {
        JsonObject json = new JsonObject();
        json.addProperty("ok", refusal.isEmpty());
        refusal.ifPresent(reason -> json.addProperty("error", reason));
        return bytes(json);
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
