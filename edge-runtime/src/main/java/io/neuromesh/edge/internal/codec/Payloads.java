package io.neuromesh.edge.internal.codec;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.neuromesh.edge.RuntimeStats;
import io.neuromesh.edge.internal.control.LogLine;
import io.neuromesh.edge.internal.hosting.ApplyResult;
import io.neuromesh.edge.internal.neuron.NeuronSnapshot;
import io.neuromesh.edge.internal.presence.Heartbeat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON of the runtime's control-plane messages (status, topology results, neuron states, pin states, replies): the
 * one place each is written and read. None is on the hot path ({@link OutputCodec} has those).
 */
public final class Payloads {

    private Payloads() {
    }

    /** A node's retained status: {@code online} (or {@code leaving}) with what it hosts and its load. */
    public static byte[] status(String state, String node, String instance, Collection<String> neurons, long rev,
                         String hash, long startedMillis, RuntimeStats stats, Heartbeat.Load load) {
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
    public record Status(String state, long tsMillis, List<String> neurons, String instance, long sinceMillis) {
    }

    /** Reads a status payload; an unreadable one counts as offline. */
    public static Status readStatus(byte[] payload) {
        try {
            JsonElement root = JsonParser.parseString(new String(payload, StandardCharsets.UTF_8));
            if (root.isJsonObject()) {
                JsonObject json = root.getAsJsonObject();
                List<String> neurons = new ArrayList<>();
                if (json.get("neurons") instanceof JsonArray array) {
                    array.forEach(e -> neurons.add(e.getAsString()));
                }
                String state = json.get("state") instanceof JsonPrimitive p ? p.getAsString() : "offline";
                long ts = json.get("ts") instanceof JsonPrimitive t && t.isNumber() ? t.getAsLong() : 0;
                long since = json.get("since") instanceof JsonPrimitive t && t.isNumber()
                        ? t.getAsLong() : 0;
                String instance = json.get("instance") instanceof JsonPrimitive i ? i.getAsString() : "";
                return new Status(state, ts, neurons, instance, since);
            }
        } catch (RuntimeException unreadable) {
            return new Status("offline", 0, List.of(), "", 0);
        }
        return new Status("offline", 0, List.of(), "", 0);
    }

    public static byte[] offline(String node, String reason) {
        JsonObject json = new JsonObject();
        json.addProperty("state", "offline");
        json.addProperty("node", node);
        json.add("neurons", new JsonArray());
        json.addProperty("reason", reason);
        json.addProperty("ts", System.currentTimeMillis());
        return bytes(json);
    }

    public static byte[] topologyResult(ApplyResult result) {
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

    /** The {@code rev} of a topology payload that failed validation, if it has a readable one; else 0. */
    public static long revOf(byte[] payload) {
        try {
            JsonElement root = JsonParser.parseString(new String(payload, StandardCharsets.UTF_8));
            if (root.isJsonObject() && root.getAsJsonObject().get("rev") instanceof JsonPrimitive p
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
    public static byte[] state(Map<String, Double> sensors) {
        JsonObject values = new JsonObject();
        sensors.forEach(values::addProperty);
        JsonObject json = new JsonObject();
        json.add("sensors", values);
        json.addProperty("ts", System.currentTimeMillis());
        return bytes(json);
    }

    /** The sensor values of a state payload (empty when null or unreadable). */
    public static Map<String, Double> sensorValues(byte[] payload) {
        Map<String, Double> values = new HashMap<>();
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


    /** {@code {"pin":17,"id":"<sensor>","kind":"input","active":true,"level":"high","ts":<epoch ms>}}. */
    public static byte[] inputPin(int pin, String sensor, boolean active, boolean high) {
        JsonObject json = pinHead(pin, sensor);
        json.addProperty("kind", "input");
        json.addProperty("active", active);
        json.addProperty("level", high ? "high" : "low");
        return pinTail(json);
    }

    /** {@code {"pin":22,"id":"<actuator>","neuron":"<id>","kind":"digital","active":..,"level":..,"ts":..}}. */
    public static byte[] digitalPin(int pin, String actuator, String neuron, boolean active, boolean high) {
        JsonObject json = pinHead(pin, actuator);
        json.addProperty("neuron", neuron);
        json.addProperty("kind", "digital");
        json.addProperty("active", active);
        json.addProperty("level", high ? "high" : "low");
        return pinTail(json);
    }

    /** {@code {"pin":18,"id":"<actuator>","neuron":"<id>","kind":"pwm","active":..,"duty":<percent>,"ts":..}}. */
    public static byte[] pwmPin(int pin, String actuator, String neuron, double dutyPercent) {
        JsonObject json = pinHead(pin, actuator);
        json.addProperty("neuron", neuron);
        json.addProperty("kind", "pwm");
        json.addProperty("active", dutyPercent > 0);
        json.addProperty("duty", dutyPercent);
        return pinTail(json);
    }

    private static JsonObject pinHead(int pin, String id) {
        JsonObject json = new JsonObject();
        json.addProperty("pin", pin);
        json.addProperty("id", id);
        return json;
    }

    private static byte[] pinTail(JsonObject json) {
        json.addProperty("ts", System.currentTimeMillis());
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
