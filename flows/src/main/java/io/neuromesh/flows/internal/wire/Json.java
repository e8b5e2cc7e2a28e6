package io.neuromesh.flows.internal.wire;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;

/** The one Gson instance of flows and small JSON helpers. */
public final class Json {

    /** Thread-safe; HTML escaping off so payloads stay readable in {@code mosquitto_sub}. */
    public static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Json() {
    }

    /** {@code value} as a JSON tree: a {@link JsonElement} as it is, null as {@link JsonNull}, else through Gson. */
    public static JsonElement toTree(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof JsonElement element) {
            return element;
        }
        return GSON.toJsonTree(value);
    }

    /** A whole number, or null when {@code element} is not one (fractions, strings and overflow included). */
    static Long wholeNumber(JsonElement element) {
        if (!(element instanceof JsonPrimitive primitive) || !primitive.isNumber()) {
            return null;
        }
        try {
            return new BigDecimal(primitive.getAsString()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** Milliseconds with three decimals, e.g. {@code 0.042}. */
    static double millis(java.time.Duration duration) {
        return Math.round(duration.toNanos() / 1_000.0) / 1_000.0;
    }

    /** The inverse of {@link #millis}. */
    static java.time.Duration fromMillis(double millis) {
        return java.time.Duration.ofNanos(Math.max(0, Math.round(millis * 1_000_000.0)));
    }
}
