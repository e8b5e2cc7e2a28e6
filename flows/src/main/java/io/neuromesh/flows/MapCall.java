package io.neuromesh.flows;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import io.neuromesh.flows.internal.wire.Json;
import io.neuromesh.flows.internal.wire.Names;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A task mapped over a collection: one call per item, or with {@link #chunks(int)} one call per chunk of items
 * (the task then gets a JSON array of up to n items, so one message carries n items of work). Run it with
 * {@link FlowClient#map(MapCall)}; results come back in the order of the calls.
 *
 * <pre>{@code
 * List<TaskResult> counts = client.map(MapCall.of("wordcount.count", words).chunks(100)).join();
 * }</pre>
 *
 * @param task      the task name
 * @param items     the items as JSON, in order
 * @param chunkSize items per call, or {@link #NO_CHUNKS} for one call per item (the item itself is the argument)
 * @param route     where the calls go, or null for the client's default queue
 * @param timeout   per-call timeout, or null for the client's default
 * @param retries   per-call retry limit, or null for the client's default
 * @since 0.1
 */
public record MapCall(String task, List<JsonElement> items, int chunkSize, Route route, Duration timeout,
                      Integer retries) {

    /** {@link #chunkSize} of a map without chunks: every item is the argument of its own call. */
    public static final int NO_CHUNKS = 0;

    /** Validates the task name and chunk size and copies the items. */
    public MapCall {
        Names.requireTaskName("task", task);
        if (items == null) {
            throw new IllegalArgumentException("items: must not be null");
        }
        items = List.copyOf(items);
        if (chunkSize < 0) {
            throw new IllegalArgumentException("chunks: must be at least 1, got " + chunkSize);
        }
    }

    /** One call of {@code task} per item; each item is encoded with Gson. */
    public static MapCall of(String task, Collection<?> items) {
        List<JsonElement> json = new ArrayList<>(items.size());
        for (Object item : items) {
            json.add(Json.toTree(item));
        }
        return new MapCall(task, json, NO_CHUNKS, null, null, null);
    }

    /** A copy that sends the items in chunks of {@code n}: each call gets a JSON array of up to n items. */
    public MapCall chunks(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("chunks: must be at least 1, got " + n);
        }
        return new MapCall(task, items, n, route, timeout, retries);
    }

    /** A copy whose calls go to any worker of {@code queue}. */
    public MapCall onQueue(String queue) {
        return new MapCall(task, items, chunkSize, Route.queue(queue), timeout, retries);
    }

    /** A copy whose calls all go to the worker named {@code worker}. */
    public MapCall onWorker(String worker) {
        return new MapCall(task, items, chunkSize, Route.worker(worker), timeout, retries);
    }

    /** A copy with another route (null: the client's default queue). */
    public MapCall route(Route newRoute) {
        return new MapCall(task, items, chunkSize, newRoute, timeout, retries);
    }

    /** A copy with a per-call timeout. */
    public MapCall timeout(Duration newTimeout) {
        return new MapCall(task, items, chunkSize, route, newTimeout, retries);
    }

    /** A copy with a per-call retry limit. */
    public MapCall retries(int newRetries) {
        return new MapCall(task, items, chunkSize, route, timeout, newRetries);
    }

    /** The calls this map submits, in order. */
    public List<TaskCall> calls() {
        List<TaskCall> calls = new ArrayList<>();
        if (chunkSize == NO_CHUNKS) {
            for (JsonElement item : items) {
                calls.add(new TaskCall(task, item, route, timeout, retries));
            }
            return calls;
        }
        for (int from = 0; from < items.size(); from += chunkSize) {
            JsonArray chunk = new JsonArray();
            for (JsonElement item : items.subList(from, Math.min(items.size(), from + chunkSize))) {
                chunk.add(item);
            }
            calls.add(new TaskCall(task, chunk, route, timeout, retries));
        }
        return calls;
    }
}
