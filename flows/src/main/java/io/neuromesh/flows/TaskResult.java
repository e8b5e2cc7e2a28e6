package io.neuromesh.flows;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import io.neuromesh.flows.internal.wire.Json;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one submitted task: a JSON value, or an error with its {@link ErrorKind} and message. Futures of a
 * {@link FlowClient} always complete with a result, never exceptionally; errors are values.
 *
 * @param id        the task id
 * @param task      the task name
 * @param ok        true for a value, false for an error
 * @param value     the result as JSON ({@link JsonNull} for errors and null results)
 * @param errorKind why it failed, null when {@code ok}
 * @param error     the error message, null when {@code ok}
 * @param worker    the worker that answered, null when none did (e.g. {@link ErrorKind#NO_WORKER})
 * @param attempts  how many times the task ran on that worker (0 when it never ran)
 * @param runTime   how long the worker spent on it, retries and backoff included
 * @since 0.1
 */
public record TaskResult(String id, String task, boolean ok, JsonElement value, ErrorKind errorKind, String error,
                         String worker, int attempts, Duration runTime) {

    public TaskResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(task, "task");
        value = value == null ? JsonNull.INSTANCE : value;
        if (ok && (errorKind != null || error != null)) {
            throw new IllegalArgumentException("errorKind and error: must be null for a successful result");
        }
        if (!ok && (errorKind == null || error == null)) {
            throw new IllegalArgumentException("errorKind and error: must be set for an error result");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts: must be >= 0, got " + attempts);
        }
        if (runTime == null || runTime.isNegative()) {
            throw new IllegalArgumentException("runTime: must be zero or positive, got " + runTime);
        }
    }

    /** A successful result. */
    public static TaskResult success(String id, String task, JsonElement value, String worker, int attempts,
                                     Duration runTime) {
        return new TaskResult(id, task, true, value, null, null, worker, attempts, runTime);
    }

    /** An error result. */
    public static TaskResult failure(String id, String task, ErrorKind kind, String error, String worker,
                                     int attempts, Duration runTime) {
        return new TaskResult(id, task, false, JsonNull.INSTANCE, kind, error, worker, attempts, runTime);
    }

    /**
     * The value decoded with Gson.
     *
     * @throws TaskFailedException for an error result
     */
    public <T> T value(Class<T> type) {
        return Json.GSON.fromJson(orThrow().value, type);
    }

    /**
     * The value decoded with Gson into a generic type, e.g. {@code new TypeToken<Map<String, Integer>>() {}.getType()}.
     *
     * @throws TaskFailedException for an error result
     */
    public <T> T value(Type type) {
        return Json.GSON.fromJson(orThrow().value, type);
    }

    /**
     * This result when it is {@code ok}.
     *
     * @throws TaskFailedException for an error result
     */
    public TaskResult orThrow() {
        if (!ok) {
            throw new TaskFailedException(this);
        }
        return this;
    }
}
