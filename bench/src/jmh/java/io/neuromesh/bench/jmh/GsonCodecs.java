package io.neuromesh.bench.jmh;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.neuromesh.edge.wire.Input;
import io.neuromesh.edge.wire.Output;
import io.neuromesh.topology.Ids;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The Gson-based equivalent of the hand-written hot-path codecs, with the same rules (unknown fields, types, finite
 * numbers, the id rule): the baseline {@link CodecBenchmark} compares them with. Not used by the product.
 */
final class GsonCodecs {

    private GsonCodecs() {
    }

    static byte[] encodeInput(Input input) {
        JsonObject json = new JsonObject();
        json.addProperty("from", input.from());
        json.addProperty("value", input.value());
        input.sentAt().ifPresent(at -> json.addProperty("ts", at.toEpochMilli()));
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Input decodeInput(byte[] payload) {
        JsonObject json = JsonParser.parseString(new String(payload, StandardCharsets.UTF_8)).getAsJsonObject();
        String from = null;
        double value = Double.NaN;
        Optional<Instant> ts = Optional.empty();
        for (Map.Entry<String, JsonElement> field : json.entrySet()) {
            JsonPrimitive p = field.getValue().getAsJsonPrimitive();
            switch (field.getKey()) {
                case "from" -> from = requireString(p, "from");
                case "value" -> value = requireNumber(p, "value");
                case "ts" -> ts = Optional.of(Instant.ofEpochMilli(p.getAsLong()));
                case "v" -> requireNumber(p, "v");
                default -> throw new IllegalArgumentException("unknown field '" + field.getKey() + "'");
            }
        }
        Ids.require("from", from);
        return new Input(false, from, value, ts);
    }

    static byte[] encodeOutput(Output output) {
        JsonObject json = new JsonObject();
        json.addProperty("v", 1);
        json.addProperty("value", output.value());
        json.addProperty("ts", output.timestamp().toEpochMilli());
        json.addProperty("node", output.node());
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Output decodeOutput(byte[] payload) {
        JsonObject json = JsonParser.parseString(new String(payload, StandardCharsets.UTF_8)).getAsJsonObject();
        int value = -1;
        long ts = -1;
        String node = null;
        for (Map.Entry<String, JsonElement> field : json.entrySet()) {
            JsonPrimitive p = field.getValue().getAsJsonPrimitive();
            switch (field.getKey()) {
                case "value" -> value = (int) requireNumber(p, "value");
                case "ts" -> ts = p.getAsLong();
                case "node" -> node = requireString(p, "node");
                case "v" -> requireNumber(p, "v");
                default -> throw new IllegalArgumentException("unknown field '" + field.getKey() + "'");
            }
        }
        return new Output(value, Instant.ofEpochMilli(ts), node);
    }

    private static String requireString(JsonPrimitive p, String field) {
        if (!p.isString()) {
            throw new IllegalArgumentException(field + ": must be a string");
        }
        return p.getAsString();
    }

    private static double requireNumber(JsonPrimitive p, String field) {
        if (!p.isNumber() || !Double.isFinite(p.getAsDouble())) {
            throw new IllegalArgumentException(field + ": must be a finite number");
        }
        return p.getAsDouble();
    }
}
