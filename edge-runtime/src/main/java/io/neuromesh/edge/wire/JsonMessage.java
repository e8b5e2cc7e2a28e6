package io.neuromesh.edge.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reading and writing the control-plane messages with Gson's tree (none of them is on the hot path). A reader
 * names the message it reads, so every error says what and where: {@code topology result: rev: missing}.
 * Unknown keys are ignored: a v1 reader accepts fields a later v1 writer adds.
 */
final class JsonMessage {

    private final String message;
    private final JsonObject json;
    /** Where this object sits in the message, e.g. {@code neuron.}; empty for the message itself. */
    private final String path;

    private JsonMessage(String message, JsonObject json, String path) {
        this.message = message;
        this.json = json;
        this.path = path;
    }

    /** A new message object, its version first. */
    static JsonObject start() {
        JsonObject json = new JsonObject();
        json.addProperty(WireVersion.KEY, WireVersion.CURRENT);
        return json;
    }

    static byte[] bytes(JsonObject json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    static JsonArray array(Collection<String> values) {
        JsonArray array = new JsonArray(values.size());
        values.forEach(array::add);
        return array;
    }

    /** An object of numbers, in the map's order. */
    static JsonObject numbers(Map<String, Double> values) {
        JsonObject object = new JsonObject();
        values.forEach(object::addProperty);
        return object;
    }

    /** Parses {@code payload} as a JSON object of a version this code reads. */
    static JsonMessage parse(String message, byte[] payload) throws WireFormatException {
        if (payload == null || payload.length == 0) {
            throw new WireFormatException(message + ": empty payload");
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(new String(payload, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new WireFormatException(message + ": not JSON: " + cause.getMessage());
        }
        if (!root.isJsonObject()) {
            throw new WireFormatException(message + ": must be a JSON object, got " + abbreviate(root.toString()));
        }
        JsonMessage read = new JsonMessage(message, root.getAsJsonObject(), "");
        if (read.json.has(WireVersion.KEY)) {
            WireVersion.check(message, read.wholeNumber(WireVersion.KEY, Long.MIN_VALUE));
        }
        return read;
    }

    boolean has(String key) {
        return json.has(key) && !json.get(key).isJsonNull();
    }

    String text(String key) throws WireFormatException {
        if (!(require(key) instanceof JsonPrimitive p) || !p.isString()) {
            throw fail(key, "must be a string");
        }
        return p.getAsString();
    }

    long wholeNumber(String key, long min) throws WireFormatException {
        Long value = json.get(key) instanceof JsonPrimitive p && p.isNumber() ? exact(p) : null;
        if (require(key) != null && (value == null || value < min)) {
            throw fail(key, "must be a whole number" + (min == Long.MIN_VALUE ? "" : " >= " + min));
        }
        return value;
    }

    double number(String key) throws WireFormatException {
        if (!(require(key) instanceof JsonPrimitive p) || !p.isNumber() || !Double.isFinite(p.getAsDouble())) {
            throw fail(key, "must be a finite number");
        }
        return p.getAsDouble();
    }

    boolean bool(String key) throws WireFormatException {
        if (!(require(key) instanceof JsonPrimitive p) || !p.isBoolean()) {
            throw fail(key, "must be true or false");
        }
        return p.getAsBoolean();
    }

    Instant epochMillis(String key) throws WireFormatException {
        return Instant.ofEpochMilli(wholeNumber(key, 0));
    }

    List<String> strings(String key) throws WireFormatException {
        if (!(require(key) instanceof JsonArray array)) {
            throw fail(key, "must be an array of strings");
        }
        List<String> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonPrimitive p) || !p.isString()) {
                throw fail(key + "[" + i + "]", "must be a string");
            }
            values.add(p.getAsString());
        }
        return values;
    }

    /** Reads one member of an object. */
    @FunctionalInterface
    private interface Member<T> {
        T read(JsonMessage object, String key) throws WireFormatException;
    }

    /** An object of finite numbers, in the message's order. */
    Map<String, Double> numbers(String key) throws WireFormatException {
        return members(key, JsonMessage::number);
    }

    /** A nested object, whose errors name their place ({@code neuron.mode: missing}). */
    JsonMessage object(String key) throws WireFormatException {
        if (!(require(key) instanceof JsonObject object)) {
            throw fail(key, "must be an object");
        }
        return new JsonMessage(message, object, path + key + ".");
    }

    /** An array of objects, each as a nested object ({@code events[2].ts: missing}). */
    List<JsonMessage> objectList(String key) throws WireFormatException {
        if (!(require(key) instanceof JsonArray array)) {
            throw fail(key, "must be an array of objects");
        }
        List<JsonMessage> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject object)) {
                throw new WireFormatException(message + ": " + path + key + "[" + i + "]: must be an object, got "
                        + abbreviate(array.get(i).toString()));
            }
            values.add(new JsonMessage(message, object, path + key + "[" + i + "]."));
        }
        return values;
    }

    /** An object of objects, keyed as in the message, each value as a nested object. */
    Map<String, JsonMessage> objects(String key) throws WireFormatException {
        return members(key, JsonMessage::object);
    }

    private <T> Map<String, T> members(String key, Member<T> reader) throws WireFormatException {
        JsonMessage outer = object(key);
        Map<String, T> values = new LinkedHashMap<>();
        for (String member : outer.json.keySet()) {
            values.put(member, reader.read(outer, member));
        }
        return values;
    }

    /** An enum constant from its lower-case wire name. */
    <E extends Enum<E>> E constant(String key, Class<E> type) throws WireFormatException {
        String name = text(key);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(name)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(wireName(constant));
        }
        throw fail(key, "must be one of " + String.join(", ", names));
    }

    /** Builds the record, reporting its validation failure as this message's format error. */
    <T> T build(Supplier<T> record) throws WireFormatException {
        try {
            return record.get();
        } catch (IllegalArgumentException | NullPointerException invalid) {
            throw new WireFormatException(message + ": " + path + invalid.getMessage());
        }
    }

    static String wireName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    private JsonElement require(String key) throws WireFormatException {
        if (!has(key)) {
            throw fail(key, "missing");
        }
        return json.get(key);
    }

    private WireFormatException fail(String key, String problem) {
        String got = json.has(key) ? ", got " + abbreviate(json.get(key).toString()) : "";
        return new WireFormatException(message + ": " + path + key + ": " + problem + (problem.equals("missing") ? "" : got));
    }

    private static Long exact(JsonPrimitive number) {
        try {
            return new BigDecimal(number.getAsString()).longValueExact();
        } catch (ArithmeticException | NumberFormatException notWhole) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
