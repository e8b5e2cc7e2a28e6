package io.neuromesh.flows.internal.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.neuromesh.flows.ErrorKind;
import io.neuromesh.topology.Ids;

import java.util.ArrayList;
import java.util.List;

/**
 * Result messages, sent to the task message's response topic with its correlation data:
 * {@code {"v":1,"worker":"w1","results":[result, ...]}}; a message the worker could not read at all gets
 * {@code {"v":1,"worker":"w1","kind":"too_large","error":"...","results":[]}}.
 */
public final class ResultEnvelopes {

    private ResultEnvelopes() {
    }

    /**
     * A decoded result message.
     *
     * @param worker  the worker that sent it
     * @param results the per-task results
     * @param kind    the kind of a message-level error, or null
     * @param error   a message-level error (applies to every task of the task message), or null
     */
    public record Decoded(String worker, List<ResultMessage> results, ErrorKind kind, String error) {
    }

    /** The envelope head for {@code worker}; results follow, comma separated, then {@link #TAIL}. */
    public static String head(String worker) {
        return "{\"v\":" + TaskEnvelopes.VERSION + ",\"worker\":" + Json.GSON.toJson(worker) + ",\"results\":[";
    }

    /** Closes an envelope started with {@link #head}. */
    public static final String TAIL = "]}";

    /** An envelope of pre-encoded result lines ({@link ResultMessage#toJson()}). */
    public static String encode(String worker, List<String> resultLines) {
        return head(worker) + String.join(",", resultLines) + TAIL;
    }

    /** A message-level error. */
    public static String encodeError(String worker, ErrorKind kind, String error) {
        JsonObject json = new JsonObject();
        json.addProperty("v", TaskEnvelopes.VERSION);
        json.addProperty("worker", worker);
        json.addProperty("kind", kind.wireName());
        json.addProperty("error", error);
        json.add("results", new JsonArray());
        return Json.GSON.toJson(json);
    }

    /**
     * Decodes a result message.
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static Decoded decode(String text) {
        JsonObject root;
        try {
            JsonElement element = JsonParser.parseString(text);
            if (!element.isJsonObject()) {
                throw new IllegalArgumentException("a result message must be a JSON object, got "
                        + TaskEnvelopes.kind(element));
            }
            root = element.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not JSON: " + TaskEnvelopes.rootCause(e), e);
        }
        JsonElement worker = root.get("worker");
        JsonElement results = root.get("results");
        if (worker == null || !worker.isJsonPrimitive() || !Ids.isValid(worker.getAsString())) {
            throw new IllegalArgumentException("worker: must be a worker name, got " + worker);
        }
        List<ResultMessage> list = new ArrayList<>();
        if (results != null && results.isJsonArray()) {
            for (JsonElement result : results.getAsJsonArray()) {
                if (!result.isJsonObject()) {
                    throw new IllegalArgumentException("results: entries must be objects, got " + result);
                }
                list.add(ResultMessage.fromTree(result.getAsJsonObject()));
            }
        }
        JsonElement error = root.get("error");
        JsonElement kind = root.get("kind");
        String errorText = error != null && error.isJsonPrimitive() ? error.getAsString() : null;
        return new Decoded(worker.getAsString(), list,
                errorText == null ? null : ErrorKind.fromWireName(kind != null && kind.isJsonPrimitive()
                        ? kind.getAsString() : null), errorText);
    }
}
