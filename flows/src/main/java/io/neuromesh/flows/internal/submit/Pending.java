package io.neuromesh.flows.internal.submit;

import io.neuromesh.flows.Route;
import io.neuromesh.flows.TaskFuture;

import java.time.Duration;

/** One submitted task until its result: confined to the client's dispatch thread. */
final class Pending {

    final String id;
    final String task;
    final Route route;
    final Duration timeout;
    /** The encoded task ({@code TaskMessage.toJson()}), ready to go into an envelope. */
    final String line;
    final long lineBytes;
    final TaskFuture future;

    /** When it started waiting for a worker (submitted, or taken back from a worker that went away). */
    long waitingSince;
    /** The worker holding it, or null while it waits. */
    String assigned;
    /** The envelope (task message) it went out in. */
    long envelope;
    /** True once its future is completed (by a result, a revocation, or a timeout). */
    boolean completed;

    Pending(String id, String task, Route route, Duration timeout, String line, long lineBytes, TaskFuture future) {
        this.id = id;
        this.task = task;
        this.route = route;
        this.timeout = timeout;
        this.line = line;
        this.lineBytes = lineBytes;
        this.future = future;
    }
}
