package io.neuromesh.flows.internal.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.neuromesh.flows.ErrorKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Task messages: {@code {"v":1,"tasks":[task, ...]}}, or one bare task object for hand-written messages
 * ({@code mosquitto_pub -m '{"id":"1","task":"echo","args":"hi"}'}).
 */
public final class TaskEnvelopes {

    /** The wire version this code speaks. */
    public static final int VERSION = 1;

    private static final String HEAD = "{\"v\":" + VERSION + ",\"tasks\":[";
    private static final String TAIL = "]}";

    private TaskEnvelopes() {
    }

    /** A task line the worker cannot run, with the id to report it under. */
    public record Rejected(String id, ErrorKind kind, String message) {
    }

    /**
     * A decoded task message.
     *
     * @param tasks    the valid tasks, in order
     * @param rejected tasks with a usable id but invalid fields
     * @param error    problems that no task id can carry (not JSON, wrong version, entries without id), or null
     */
    public record Decoded(List<TaskMessage> tasks, List<Rejected> rejected, String error) {
    }

    /** Bytes of an envelope around task lines whose lengths add up to {@code linesBytes}. */
    public static int envelopeBytes(int lines, long linesBytes) {
        return HEAD.length() + TAIL.length() + Math.max(0, lines - 1) + (int) Math.min(Integer.MAX_VALUE, linesBytes);
    }

    /** An envelope of pre-encoded task lines ({@link TaskMessage#toJson()}). */
    public static String encode(List<String> taskLines) {
        StringBuilder out = new StringBuilder(HEAD.length() + TAIL.length() + taskLines.size() * 64);
        out.append(HEAD);
        for (int i = 0; i < taskLines.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(taskLines.get(i));
        }
        return out.append(TAIL).toString();
    }

    /** Decodes a task message; tasks without {@code timeoutMs} get {@code defaultTimeout}. Never throws. */
    public static Decoded decode(String text, Duration defaultTimeout) {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            return new Decoded(List.of(), List.of(), "not JSON: " + rootCause(e));
        }
        if (!root.isJsonObject()) {
            return new Decoded(List.of(), List.of(), "a task message must be a JSON object, got " + kind(root));
        }
        JsonObject object = root.getAsJsonObject();
        JsonElement version = object.get("v");
        if (version != null && !Long.valueOf(VERSION).equals(Json.wholeNumber(version))) {
            return new Decoded(List.of(), List.of(), "v: unsupported version " + version + " (this worker speaks "
                    + VERSION + ")");
        }
        JsonArray entries;
        String prefix;
        if (object.has("tasks")) {
            if (!object.get("tasks").isJsonArray()) {
                return new Decoded(List.of(), List.of(), "tasks: must be an array, got " + kind(object.get("tasks")));
            }
            entries = object.getAsJsonArray("tasks");
            prefix = "tasks[";
        } else if (object.has("task")) {
            entries = new JsonArray();
            entries.add(object);
            prefix = null;
        } else {
            return new Decoded(List.of(), List.of(),
                    "expected {\"v\":1,\"tasks\":[...]} or one task object with \"id\" and \"task\"");
        }
        List<TaskMessage> tasks = new ArrayList<>(entries.size());
        List<Rejected> rejected = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = prefix == null ? "" : prefix + i + "].";
            JsonElement entry = entries.get(i);
            if (!entry.isJsonObject()) {
                problems.add((prefix == null ? "task" : prefix + i + "]") + ": must be an object, got " + kind(entry));
                continue;
            }
            JsonObject task = entry.getAsJsonObject();
            String id = string(task.get("id"));
            if (id == null || id.isEmpty() || id.length() > Names.MAX_TASK_ID_LENGTH) {
                problems.add(where + "id: must be a string of 1-" + Names.MAX_TASK_ID_LENGTH + " characters, got "
                        + task.get("id"));
                continue;
            }
            try {
                tasks.add(toTask(id, task, defaultTimeout));
            } catch (IllegalArgumentException e) {
                rejected.add(new Rejected(id, ErrorKind.MALFORMED, e.getMessage()));
            }
        }
        return new Decoded(tasks, rejected, problems.isEmpty() ? null : String.join("; ", problems));
    }

    private static TaskMessage toTask(String id, JsonObject task, Duration defaultTimeout) {
        JsonElement name = task.get("task");
        if (string(name) == null) {
            throw new IllegalArgumentException("task: must be a string, got " + name);
        }
        Duration timeout = defaultTimeout;
        JsonElement timeoutMs = task.get("timeoutMs");
        if (timeoutMs != null && !timeoutMs.isJsonNull()) {
            Long ms = Json.wholeNumber(timeoutMs);
            if (ms == null || ms <= 0) {
                throw new IllegalArgumentException("timeoutMs: must be a positive number of milliseconds, got "
                        + timeoutMs);
            }
            timeout = Duration.ofMillis(ms);
        }
        int retries = 0;
        JsonElement retriesJson = task.get("retries");
        if (retriesJson != null && !retriesJson.isJsonNull()) {
            Long value = Json.wholeNumber(retriesJson);
            if (value == null || value < 0 || value > io.neuromesh.flows.TaskCall.MAX_RETRIES) {
                throw new IllegalArgumentException("retries: must be 0-" + io.neuromesh.flows.TaskCall.MAX_RETRIES
                        + ", got " + retriesJson);
            }
            retries = value.intValue();
        }
        return new TaskMessage(id, string(name), task.get("args"), timeout, retries);
    }

    private static String string(JsonElement element) {
        return element != null && element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()
                ? element.getAsString() : null;
    }

    static String kind(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return "null";
        }
        if (element.isJsonArray()) {
            return "an array";
        }
        if (element.isJsonObject()) {
            return "an object";
        }
        return element.toString();
    }

    static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
