package io.neuromesh.flows;

import io.neuromesh.topology.Ids;

import java.util.Objects;

/**
 * Where a task goes: any worker of a queue, or one named worker (the reference's {@code routing_key} to one node).
 *
 * @param kind queue or worker
 * @param name the queue or worker name, 1-64 characters of {@code A-Z a-z 0-9 _ -}
 * @since 0.1
 */
public record Route(Kind kind, String name) {

    /** The two kinds of destination. */
    public enum Kind {
        /** Any worker that serves the queue; the client balances tasks by each worker's free slots. */
        QUEUE,
        /** Exactly this worker; the task waits while it is offline, up to the task's timeout. */
        WORKER
    }

    /** Validates the name for its kind. */
    public Route {
        Objects.requireNonNull(kind, "kind");
        Ids.require(kind == Kind.QUEUE ? "queue" : "worker", name);
    }

    /** Any worker of {@code queue}. */
    public static Route queue(String queue) {
        return new Route(Kind.QUEUE, queue);
    }

    /** Only the worker named {@code worker}. */
    public static Route worker(String worker) {
        return new Route(Kind.WORKER, worker);
    }

    @Override
    public String toString() {
        return (kind == Kind.QUEUE ? "queue '" : "worker '") + name + "'";
    }
}
