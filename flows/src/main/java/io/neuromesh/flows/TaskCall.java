package io.neuromesh.flows;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import io.neuromesh.flows.internal.wire.Json;
import io.neuromesh.flows.internal.wire.Names;

import java.time.Duration;

/**
 * One task invocation to submit (Celery's "signature"): the task name, its arguments as JSON, and optional
 * routing, timeout and retry settings. Immutable; the {@code with}-style methods return copies.
 *
 * <pre>{@code
 * TaskCall call = TaskCall.of("sleep", 20).onQueue("slow").timeout(Duration.ofSeconds(2)).retries(0);
 * }</pre>
 *
 * @param task    the task name
 * @param args    the arguments ({@link JsonNull} for none)
 * @param route   where it goes, or null for the client's default queue
 * @param timeout how long one attempt may run on the worker (also how long it may wait for a worker), or null for
 *                the client's default
 * @param retries how often a {@link RetryableException} is retried, or null for the client's default
 * @since 0.1
 */
public record TaskCall(String task, JsonElement args, Route route, Duration timeout, Integer retries) {

    /** The largest retry count a call may ask for. */
    public static final int MAX_RETRIES = 100;

    public TaskCall {
        Names.requireTaskName("task", task);
        args = args == null ? JsonNull.INSTANCE : args;
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout: must be a positive duration, got " + timeout);
        }
        if (retries != null && (retries < 0 || retries > MAX_RETRIES)) {
            throw new IllegalArgumentException("retries: must be 0-" + MAX_RETRIES + ", got " + retries);
        }
    }

    /** A call without arguments. */
    public static TaskCall of(String task) {
        return new TaskCall(task, JsonNull.INSTANCE, null, null, null);
    }

    /** A call whose arguments are {@code args} encoded with Gson (a {@link JsonElement} is taken as it is). */
    public static TaskCall of(String task, Object args) {
        return new TaskCall(task, Json.toTree(args), null, null, null);
    }

    /** A copy with other arguments, encoded with Gson. */
    public TaskCall withArgs(Object newArgs) {
        return new TaskCall(task, Json.toTree(newArgs), route, timeout, retries);
    }

    /** A copy sent to any worker of {@code queue}. */
    public TaskCall onQueue(String queue) {
        return new TaskCall(task, args, Route.queue(queue), timeout, retries);
    }

    /** A copy sent only to the worker named {@code worker}. */
    public TaskCall onWorker(String worker) {
        return new TaskCall(task, args, Route.worker(worker), timeout, retries);
    }

    /** A copy with another route (null: the client's default queue). */
    public TaskCall route(Route newRoute) {
        return new TaskCall(task, args, newRoute, timeout, retries);
    }

    /** A copy with a per-attempt timeout. */
    public TaskCall timeout(Duration newTimeout) {
        return new TaskCall(task, args, route, newTimeout, retries);
    }

    /** A copy with a retry limit for {@link RetryableException}s. */
    public TaskCall retries(int newRetries) {
        return new TaskCall(task, args, route, timeout, newRetries);
    }
}
