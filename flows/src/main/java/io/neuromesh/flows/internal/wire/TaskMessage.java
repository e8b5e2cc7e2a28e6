package io.neuromesh.flows.internal.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.neuromesh.flows.TaskCall;

import java.time.Duration;

/**
 * One task inside a task message: {@code {"id":"..","task":"..","args":..,"timeoutMs":N,"retries":N}}.
 *
 * @param id      unique per submission; results and revocations refer to it
 * @param task    the task name
 * @param args    the arguments ({@link JsonNull} for none)
 * @param timeout per-attempt timeout
 * @param retries retry limit for retryable failures
 */
public record TaskMessage(String id, String task, JsonElement args, Duration timeout, int retries) {

    public TaskMessage {
        Names.requireTaskId("id", id);
        Names.requireTaskName("task", task);
        args = args == null ? JsonNull.INSTANCE : args;
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeoutMs: must be a positive number of milliseconds, got "
                    + (timeout == null ? "null" : timeout.toMillis()));
        }
        if (retries < 0 || retries > TaskCall.MAX_RETRIES) {
            throw new IllegalArgumentException("retries: must be 0-" + TaskCall.MAX_RETRIES + ", got " + retries);
        }
    }

    /** This task as one JSON object. */
    public String toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.addProperty("task", task);
        if (!args.isJsonNull()) {
            json.add("args", args);
        }
        json.addProperty("timeoutMs", timeout.toMillis());
        json.addProperty("retries", retries);
        return Json.GSON.toJson(json);
    }
}
