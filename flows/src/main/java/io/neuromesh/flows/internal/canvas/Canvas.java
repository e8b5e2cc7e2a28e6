package io.neuromesh.flows.internal.canvas;

import com.google.gson.JsonArray;
import io.neuromesh.flows.TaskCall;
import io.neuromesh.flows.TaskResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Group, chain and chord on top of any single-task submit function. */
public final class Canvas {

    private final Function<TaskCall, ? extends CompletableFuture<TaskResult>> submit;

    public Canvas(Function<TaskCall, ? extends CompletableFuture<TaskResult>> submit) {
        this.submit = submit;
    }

    /** All calls at once; the results in the order of the calls, whatever order they finish in. */
    public CompletableFuture<List<TaskResult>> group(List<TaskCall> calls) {
        List<CompletableFuture<TaskResult>> futures = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            futures.add(submit.apply(Objects.requireNonNull(calls.get(i), "calls[" + i + "]")));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<TaskResult> results = new ArrayList<>(futures.size());
            for (CompletableFuture<TaskResult> future : futures) {
                results.add(future.join());
            }
            return results;
        });
    }

    /** One call after the other, each with the previous value as arguments; stops at the first error. */
    public CompletableFuture<TaskResult> chain(List<TaskCall> calls) {
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("chain: needs at least one call");
        }
        for (int i = 1; i < calls.size(); i++) {
            if (!calls.get(i).args().isJsonNull()) {
                throw new IllegalArgumentException("chain[" + i + "] (" + calls.get(i).task()
                        + "): its arguments are the previous result; leave them out");
            }
        }
        CompletableFuture<TaskResult> future = submit.apply(calls.get(0)).thenApply(r -> r);
        for (TaskCall next : calls.subList(1, calls.size())) {
            future = future.thenCompose(previous -> previous.ok()
                    ? submit.apply(next.withArgs(previous.value()))
                    : CompletableFuture.completedFuture(previous));
        }
        return future;
    }

    /** The header as a group, then the reducer with the array of header values; a header error ends it. */
    public CompletableFuture<TaskResult> chord(List<TaskCall> header, TaskCall reducer) {
        if (!reducer.args().isJsonNull()) {
            throw new IllegalArgumentException("chord reducer (" + reducer.task()
                    + "): its arguments are the header's values; leave them out");
        }
        return group(header).thenCompose(results -> {
            JsonArray values = new JsonArray();
            for (int i = 0; i < results.size(); i++) {
                TaskResult result = results.get(i);
                if (!result.ok()) {
                    return CompletableFuture.completedFuture(TaskResult.failure(result.id(), result.task(),
                            result.errorKind(), "chord header[" + i + "] (" + result.task() + ") failed: "
                                    + result.error(), result.worker(), result.attempts(), result.runTime()));
                }
                values.add(result.value());
            }
            return submit.apply(reducer.withArgs(values));
        });
    }

    /** The header as a group, then a local function of all its results. */
    public <T> CompletableFuture<T> chord(List<TaskCall> header, Function<List<TaskResult>, T> reducer) {
        return group(header).thenApply(reducer);
    }
}
