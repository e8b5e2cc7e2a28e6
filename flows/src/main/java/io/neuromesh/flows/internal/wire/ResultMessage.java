package io.neuromesh.flows.internal.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.neuromesh.flows.ErrorKind;

import java.time.Duration;

/**
 * One result inside a result message: {@code {"id":"..","ok":true,"value":..,"attempts":1,"runMs":0.42}} or
 * {@code {"id":"..","ok":false,"kind":"timeout","error":"timeout after 2000 ms","attempts":1,"runMs":2000.1}}.
 *
 * @param id       the task id
 * @param ok       true for a value
 * @param value    the value ({@link JsonNull} for errors and null values)
 * @param kind     the error kind, null when ok
 * @param error    the error message, null when ok
 * @param attempts runs on the worker (0 when it never ran)
 * @param runTime  time on the worker, retries included
 */
public record ResultMessage(String id, boolean ok, JsonElement value, ErrorKind kind, String error, int attempts,
                            Duration runTime) {

    public ResultMessage {
        Names.requireTaskId("id", id);
        value = value == null ? JsonNull.INSTANCE : value;
        if (ok == (kind != null) || ok == (error != null)) {
            throw new IllegalArgumentException("kind and error: must be set exactly when ok is false");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts: must be >= 0, got " + attempts);
        }
        runTime = runTime == null ? Duration.ZERO : runTime;
    }

    /** A value. */
    public static ResultMessage success(String id, JsonElement value, int attempts, Duration runTime) {
        return new ResultMessage(id, true, value, null, null, attempts, runTime);
    }

    /** An error. */
    public static ResultMessage failure(String id, ErrorKind kind, String error, int attempts, Duration runTime) {
        return new ResultMessage(id, false, JsonNull.INSTANCE, kind, error, attempts, runTime);
    }

    /** This result as one JSON object. */
    public String toJson() {
        return Json.GSON.toJson(toTree());
    }

    JsonObject toTree() {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.addProperty("ok", ok);
        if (ok) {
            if (!value.isJsonNull()) {
                json.add("value", value);
            }
        } else {
            json.addProperty("kind", kind.wireName());
            json.addProperty("error", error);
        }
        json.addProperty("attempts", attempts);
        json.addProperty("runMs", Json.millis(runTime));
        return json;
    }

    static ResultMessage fromTree(JsonObject json) {
        JsonElement id = json.get("id");
        JsonElement ok = json.get("ok");
        if (id == null || !id.isJsonPrimitive() || ok == null || !ok.isJsonPrimitive()
                || !ok.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException("a result needs a string \"id\" and a boolean \"ok\", got " + json);
        }
        Long attempts = json.has("attempts") ? Json.wholeNumber(json.get("attempts")) : Long.valueOf(0);
        double runMs = json.has("runMs") && json.get("runMs").isJsonPrimitive()
                && json.get("runMs").getAsJsonPrimitive().isNumber() ? json.get("runMs").getAsDouble() : 0;
        Duration runTime = Json.fromMillis(runMs);
        int runs = attempts == null ? 0 : (int) Math.max(0, Math.min(Integer.MAX_VALUE, attempts));
        if (ok.getAsBoolean()) {
            return success(id.getAsString(), json.get("value"), runs, runTime);
        }
        JsonElement error = json.get("error");
        JsonElement kind = json.get("kind");
        return failure(id.getAsString(),
                ErrorKind.fromWireName(kind != null && kind.isJsonPrimitive() ? kind.getAsString() : null),
                error != null && error.isJsonPrimitive() ? error.getAsString() : "no error message", runs, runTime);
    }
}
