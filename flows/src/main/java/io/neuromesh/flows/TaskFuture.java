package io.neuromesh.flows;

import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The pending result of one submitted task. It always completes normally with a {@link TaskResult} (errors are
 * results). Dependent stages run on the client's callback thread: do not block in them, or use the
 * {@code ...Async} variants.
 *
 * @since 0.1
 */
public final class TaskFuture extends CompletableFuture<TaskResult> {

    private final String id;
    private final Predicate<String> revoker;

    /**
     * Made by {@link FlowClient} implementations.
     *
     * @param id      the task id
     * @param revoker revokes a task id, returning whether it was still pending
     */
    public TaskFuture(String id, Predicate<String> revoker) {
        this.id = id;
        this.revoker = revoker;
    }

    /** The task id (also what {@link TaskContext#taskId()} returns on the worker). */
    public String id() {
        return id;
    }

    /** Same as {@link FlowClient#revoke(String)} for this task. */
    public boolean revoke() {
        return revoker.test(id);
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
