package io.neuromesh.flows.internal.submit;

import io.neuromesh.flows.ErrorKind;
import io.neuromesh.flows.Route;
import io.neuromesh.flows.TaskResult;
import io.neuromesh.flows.WorkerStatus;
import io.neuromesh.flows.internal.wire.ResultMessage;
import io.neuromesh.flows.internal.wire.TaskEnvelopes;
import org.tinylog.Logger;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The client's scheduling core, free of MQTT and clocks (time comes in as {@code now} nanoseconds) so it can be
 * tested alone. Not thread-safe: the client drives it from one thread.
 *
 * <p>Credit-based dispatch: a worker gets at most its prefetch of this client's tasks; queue tasks go to the online
 * worker of the queue with the most free slots, as many as it has free in one message. Because a worker receives no
 * more than it can soon run, a slow worker cannot hoard tasks and brokers that share badly (HiveMQ CE) or blindly
 * (Mosquitto's round robin) do not matter. Tasks held by a worker that goes offline are sent again. Which workers are
 * online the client's presence watcher decides ({@link #online}, {@link #gone}).
 */
final class Dispatcher {

    /** What the dispatcher asks of its client. */
    interface Output {
        /** Publish these tasks to the worker in one task message, with {@code envelope} as correlation data. */
        void send(String worker, long envelope, List<Pending> tasks);

        /** Complete the task's future. */
        void complete(Pending pending, TaskResult result);

        /** Tell the workers to skip this task. */
        void revoke(String id);
    }

    private final Output out;
    private final int maxPayloadBytes;
    private final Map<String, Pending> open = new HashMap<>();
    private final Map<String, ArrayDeque<Pending>> byQueue = new LinkedHashMap<>();
    private final Map<String, ArrayDeque<Pending>> byWorker = new LinkedHashMap<>();
    private final Map<String, WorkerView> workers = new LinkedHashMap<>();
    private final Map<Route, Long> unservedSince = new HashMap<>();
    private long envelopes;

    Dispatcher(Output out, int maxPayloadBytes) {
        this.out = out;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    // ---- inputs -------------------------------------------------------------------------------------------------

    void submit(Pending pending, long now) {
        open.put(pending.id, pending);
        pending.waitingSince = now;
        line(pending.route).addLast(pending);
        if (!served(pending.route)) {
            unservedSince.putIfAbsent(pending.route, now);
        }
        pump(now);
    }

    /** Results from {@code worker}; frees its slots and sends it more. */
    void results(String worker, List<ResultMessage> results, long now) {
        WorkerView view = workers.get(worker);
        for (ResultMessage result : results) {
            if (view != null) {
                view.assigned.remove(result.id());
            }
            Pending pending = open.remove(result.id());
            if (pending == null) {
                continue;
            }
            if (pending.assigned != null && !pending.assigned.equals(worker)) {
                WorkerView holder = workers.get(pending.assigned);
                if (holder != null) {
                    holder.assigned.remove(pending.id);
                }
            }
            pending.assigned = null;
            if (!pending.completed) {
                pending.completed = true;
                out.complete(pending, new TaskResult(pending.id, pending.task, result.ok(), result.value(),
                        result.kind(), result.error(), worker, result.attempts(), result.runTime()));
            }
        }
        pump(now);
    }

    /** The worker could not read a whole task message: every task of it gets the error. */
    void envelopeFailed(String worker, long envelope, ErrorKind kind, String error, long now) {
        List<ResultMessage> failures = new ArrayList<>();
        for (Pending pending : open.values()) {
            if (pending.envelope == envelope && worker.equals(pending.assigned)) {
                failures.add(ResultMessage.failure(pending.id, kind, error, 0, Duration.ZERO));
            }
        }
        results(worker, failures, now);
    }

    /** The worker is online (it joined, or its heartbeat carries its details again): it may take tasks. */
    void online(WorkerStatus status, long now) {
        WorkerView view = workers.computeIfAbsent(status.worker(), WorkerView::new);
        view.queues = Set.copyOf(status.queues());
        view.capacity = status.prefetch();
        if (!view.online) {
            view.online = true;
            unservedSince.remove(Route.worker(view.name));
            for (String queue : view.queues) {
                unservedSince.remove(Route.queue(queue));
            }
            Logger.debug("worker {} online: queues {}, prefetch {}", view.name, view.queues, view.capacity);
        }
        pump(now);
    }

    /** The worker is gone ({@code why} says how, for the log): its tasks go to other workers. */
    void gone(String worker, String why, long now) {
        WorkerView view = workers.get(worker);
        if (view != null && view.online) {
            Logger.info("worker {} {}; {} of its tasks go to other workers", worker, why, view.assigned.size());
            markOffline(view, now);
        }
    }

    /** Periodic: tasks nobody can take time out. */
    void tick(long now) {
        expire(byQueue, now, true);
        expire(byWorker, now, false);
    }

    /**
     * Revokes a task not completed yet: its future completes with {@link ErrorKind#REVOKED} now; a worker holding it
     * is told to skip it, and its slot stays taken until that worker answers.
     */
    boolean revoke(String id, long now) {
        Pending pending = open.get(id);
        if (pending == null || pending.completed) {
            return false;
        }
        pending.completed = true;
        if (pending.assigned == null) {
            open.remove(id);
        } else {
            out.revoke(id);
        }
        out.complete(pending, TaskResult.failure(id, pending.task, ErrorKind.REVOKED, "revoked", null, 0,
                Duration.ZERO));
        return true;
    }

    /** After the client's own reconnect: results may have been lost, so every task held by a worker goes again. */
    void resendAll(long now) {
        int count = 0;
        for (WorkerView view : workers.values()) {
            count += takeBack(view, now);
        }
        Logger.info("reconnected; {} tasks in flight are sent again", count);
        pump(now);
    }

    /** Completes every open task with {@link ErrorKind#CLOSED}. */
    void closeAll() {
        for (Pending pending : open.values()) {
            if (!pending.completed) {
                pending.completed = true;
                out.complete(pending, TaskResult.failure(pending.id, pending.task, ErrorKind.CLOSED,
                        "the client was closed before a result arrived", null, 0, Duration.ZERO));
            }
        }
        open.clear();
        byQueue.clear();
        byWorker.clear();
    }

    // ---- views for the client and tests --------------------------------------------------------------------------

    /** Tasks not completed yet, waiting or held by a worker. */
    int open() {
        return open.size();
    }

    /** This client's tasks the worker holds now. */
    int heldBy(String worker) {
        WorkerView view = workers.get(worker);
        return view == null ? 0 : view.assigned.size();
    }

    boolean isOnline(String worker) {
        WorkerView view = workers.get(worker);
        return view != null && view.online;
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private ArrayDeque<Pending> line(Route route) {
        return (route.kind() == Route.Kind.QUEUE ? byQueue : byWorker)
                .computeIfAbsent(route.name(), k -> new ArrayDeque<>());
    }

    private boolean served(Route route) {
        if (route.kind() == Route.Kind.WORKER) {
            WorkerView view = workers.get(route.name());
            return view != null && view.online;
        }
        for (WorkerView view : workers.values()) {
            if (view.online && view.queues.contains(route.name())) {
                return true;
            }
        }
        return false;
    }

    private boolean stale(Pending pending) {
        return pending.completed || open.get(pending.id) != pending;
    }

    private void pump(long now) {
        for (Map.Entry<String, ArrayDeque<Pending>> entry : byWorker.entrySet()) {
            WorkerView view = workers.get(entry.getKey());
            if (view != null && view.online && view.free() > 0) {
                dispatch(view, entry.getValue());
            }
        }
        for (Map.Entry<String, ArrayDeque<Pending>> entry : byQueue.entrySet()) {
            ArrayDeque<Pending> waiting = entry.getValue();
            while (true) {
                while (!waiting.isEmpty() && stale(waiting.peekFirst())) {
                    waiting.pollFirst();
                }
                if (waiting.isEmpty()) {
                    break;
                }
                WorkerView best = null;
                for (WorkerView view : workers.values()) {
                    if (view.online && view.free() > 0 && view.queues.contains(entry.getKey())
                            && (best == null || view.free() > best.free()
                            || view.free() == best.free() && view.lastSent < best.lastSent)) {
                        best = view;
                    }
                }
                if (best == null) {
                    break;
                }
                dispatch(best, waiting);
            }
        }
    }

    /** Sends the worker as many waiting tasks as it has free slots, in as few messages as the size limit allows. */
    private void dispatch(WorkerView view, ArrayDeque<Pending> waiting) {
        List<Pending> batch = new ArrayList<>();
        long lineBytes = 0;
        while (view.free() > 0 && !waiting.isEmpty()) {
            Pending pending = waiting.peekFirst();
            if (stale(pending)) {
                waiting.pollFirst();
                continue;
            }
            if (!batch.isEmpty()
                    && TaskEnvelopes.envelopeBytes(batch.size() + 1, lineBytes + pending.lineBytes) > maxPayloadBytes) {
                flush(view, batch);
                batch = new ArrayList<>();
                lineBytes = 0;
            }
            waiting.pollFirst();
            batch.add(pending);
            lineBytes += pending.lineBytes;
            pending.assigned = view.name;
            view.assigned.add(pending.id);
        }
        if (!batch.isEmpty()) {
            flush(view, batch);
        }
    }

    private void flush(WorkerView view, List<Pending> batch) {
        long envelope = ++envelopes;
        for (Pending pending : batch) {
            pending.envelope = envelope;
        }
        view.lastSent = envelope;
        out.send(view.name, envelope, batch);
    }

    private void markOffline(WorkerView view, long now) {
        view.online = false;
        takeBack(view, now);
        for (String queue : view.queues) {
            Route route = Route.queue(queue);
            if (!served(route)) {
                unservedSince.putIfAbsent(route, now);
            }
        }
        unservedSince.putIfAbsent(Route.worker(view.name), now);
        pump(now);
    }

    /** Puts the worker's tasks back at the head of their lines, in the order they were sent. */
    private int takeBack(WorkerView view, long now) {
        List<Pending> back = new ArrayList<>();
        for (String id : view.assigned) {
            Pending pending = open.get(id);
            if (pending == null) {
                continue;
            }
            if (pending.completed) {
                open.remove(id);
                continue;
            }
            pending.assigned = null;
            back.add(pending);
        }
        view.assigned.clear();
        for (int i = back.size() - 1; i >= 0; i--) {
            Pending pending = back.get(i);
            pending.waitingSince = now;
            line(pending.route).addFirst(pending);
        }
        return back.size();
    }

    private void expire(Map<String, ArrayDeque<Pending>> lines, long now, boolean queues) {
        for (Map.Entry<String, ArrayDeque<Pending>> entry : lines.entrySet()) {
            ArrayDeque<Pending> waiting = entry.getValue();
            if (waiting.isEmpty()) {
                continue;
            }
            Route route = queues ? Route.queue(entry.getKey()) : Route.worker(entry.getKey());
            if (served(route)) {
                unservedSince.remove(route);
                continue;
            }
            long since = unservedSince.computeIfAbsent(route, r -> now);
            for (Iterator<Pending> it = waiting.iterator(); it.hasNext(); ) {
                Pending pending = it.next();
                if (stale(pending)) {
                    it.remove();
                    continue;
                }
                if (now - Math.max(pending.waitingSince, since) >= pending.timeout.toNanos()) {
                    it.remove();
                    open.remove(pending.id);
                    pending.completed = true;
                    String error = queues
                            ? "no worker answered on queue '" + route.name() + "' within " + pending.timeout.toMillis()
                            + " ms"
                            : "worker '" + route.name() + "' did not answer within " + pending.timeout.toMillis()
                            + " ms (it is offline or unknown)";
                    out.complete(pending, TaskResult.failure(pending.id, pending.task, ErrorKind.NO_WORKER, error,
                            null, 0, Duration.ZERO));
                }
            }
        }
    }
}
