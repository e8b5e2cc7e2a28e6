package io.neuromesh.flows.internal.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.neuromesh.flows.WorkerState;
import io.neuromesh.flows.WorkerStats;
import io.neuromesh.flows.WorkerStatus;
import io.neuromesh.topology.Ids;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The retained heartbeat on {@code neuromesh/workers/<worker>/status}:
 * <pre>{@code
 * {"v":1,"worker":"w1","state":"online","queues":["default"],"tasks":["echo",...],"concurrency":4,"prefetch":8,
 *  "heartbeatMs":2000,"processed":120,"failed":2,"retried":1,"running":3,"queued":0,
 *  "p50Ms":1.2,"p95Ms":4.8,"p99Ms":9.9,"startedAt":1767225600000,"ts":1767225612000}
 * }</pre>
 * The Last Will is {@code {"v":1,"worker":"w1","state":"offline"}}: the encoding of {@link #offline(String)}, an
 * offline status without a time stamp.
 */
public final class StatusJson {

    private StatusJson() {
    }

    public static String encode(WorkerStatus status) {
        JsonObject json = new JsonObject();
        json.addProperty("v", TaskEnvelopes.VERSION);
        json.addProperty("worker", status.worker());
        json.addProperty("state", status.state().name().toLowerCase(Locale.ROOT));
        if (status.state() == WorkerState.OFFLINE && status.timestamp() == null) {
            return Json.GSON.toJson(json);
        }
        json.add("queues", array(status.queues()));
        json.add("tasks", array(status.tasks()));
        json.addProperty("concurrency", status.concurrency());
        json.addProperty("prefetch", status.prefetch());
        json.addProperty("heartbeatMs", status.heartbeat().toMillis());
        WorkerStats stats = status.stats();
        json.addProperty("processed", stats.processed());
        json.addProperty("failed", stats.failed());
        json.addProperty("retried", stats.retried());
        json.addProperty("running", stats.running());
        json.addProperty("queued", stats.queued());
        json.addProperty("p50Ms", Json.millis(stats.p50()));
        json.addProperty("p95Ms", Json.millis(stats.p95()));
        json.addProperty("p99Ms", Json.millis(stats.p99()));
        if (status.startedAt() != null) {
            json.addProperty("startedAt", status.startedAt().toEpochMilli());
        }
        if (status.timestamp() != null) {
            json.addProperty("ts", status.timestamp().toEpochMilli());
        }
        return Json.GSON.toJson(json);
    }

    /** The status of the Last Will of {@code worker}: offline, and nothing else known. */
    public static WorkerStatus offline(String worker) {
        return new WorkerStatus(worker, WorkerState.OFFLINE, List.of(), List.of(), 0, 0, Duration.ZERO,
                new WorkerStats(0, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO), null, null);
    }

    /**
     * Decodes a heartbeat; missing counters read as zero.
     *
     * @throws IllegalArgumentException when it has no valid worker name or state
     */
    public static WorkerStatus decode(String text) {
        JsonObject json;
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonObject()) {
                throw new IllegalArgumentException("a worker status must be a JSON object");
            }
            json = root.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not JSON: " + TaskEnvelopes.rootCause(e), e);
        }
        String worker = text(json, "worker");
        if (!Ids.isValid(worker)) {
            throw new IllegalArgumentException("worker: must be a worker name, got " + json.get("worker"));
        }
        String state = text(json, "state");
        WorkerState parsed;
        if ("online".equals(state)) {
            parsed = WorkerState.ONLINE;
        } else if ("offline".equals(state)) {
            parsed = WorkerState.OFFLINE;
        } else {
            throw new IllegalArgumentException("state: must be \"online\" or \"offline\", got " + json.get("state"));
        }
        WorkerStats stats = new WorkerStats(number(json, "processed"), number(json, "failed"),
                number(json, "retried"), (int) number(json, "running"), (int) number(json, "queued"),
                millis(json, "p50Ms"), millis(json, "p95Ms"), millis(json, "p99Ms"));
        return new WorkerStatus(worker, parsed, strings(json, "queues"), strings(json, "tasks"),
                (int) number(json, "concurrency"), (int) number(json, "prefetch"),
                Duration.ofMillis(number(json, "heartbeatMs")), stats, instant(json, "startedAt"),
                instant(json, "ts"));
    }

    private static JsonArray array(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    private static String text(JsonObject json, String key) {
        JsonElement element = json.get(key);
        return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
    }

    private static long number(JsonObject json, String key) {
        Long value = json.has(key) ? Json.wholeNumber(json.get(key)) : null;
        return value == null || value < 0 ? 0 : value;
    }

    private static Duration millis(JsonObject json, String key) {
        JsonElement element = json.get(key);
        return element != null && element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()
                ? Json.fromMillis(element.getAsDouble()) : Duration.ZERO;
    }

    private static Instant instant(JsonObject json, String key) {
        return json.has(key) && Json.wholeNumber(json.get(key)) != null
                ? Instant.ofEpochMilli(Json.wholeNumber(json.get(key))) : null;
    }

    private static List<String> strings(JsonObject json, String key) {
        List<String> values = new ArrayList<>();
        if (json.get(key) instanceof JsonArray array) {
            for (JsonElement element : array) {
                if (element.isJsonPrimitive()) {
                    values.add(element.getAsString());
                }
            }
        }
        return values;
    }
}
