package io.neuromesh.flows;

import io.neuromesh.flows.internal.submit.MqttFlowClient;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Submits tasks to the fleet and composes them. Needs nothing but broker access: results come back on the client's
 * own reply topic with MQTT 5 correlation data.
 *
 * <p>Queue tasks go to the online worker of the queue with the most free slots (a worker's slots are its
 * {@linkplain WorkerConfig#prefetch() prefetch}), learned from the workers' retained heartbeats; several tasks for
 * one worker travel in one message. Tasks held by a worker that goes offline are sent again to another worker
 * (at-least-once), and results are deduplicated by task id.
 *
 * <p>Threading: every method is thread-safe and none blocks except {@link #start()} and {@link #close()}. Futures
 * complete on one callback thread of the client; do not block in dependent stages.
 *
 * @since 0.1
 */
public interface FlowClient extends AutoCloseable {

    /** A builder with the defaults of {@link ClientConfig}. */
    static ClientConfig.Builder builder() {
        return new ClientConfig.Builder();
    }

    /** A client for a configuration (not started). */
    static FlowClient create(ClientConfig config) {
        return new MqttFlowClient(config);
    }

    /** A started client with default settings. */
    static FlowClient connect(URI broker) {
        return builder().broker(broker).connect();
    }

    /** This client's configuration. */
    ClientConfig config();

    /**
     * Connects and returns when the client is ready: connected and subscribed to its reply topic and the worker
     * heartbeats. A broker that is not up yet is retried with the link's reconnect backoff for at most
     * {@link io.neuromesh.mqtt.LinkConfig#startTimeout()}. Idempotent: on a started client it returns at once.
     * After it returned, the client reconnects by itself whenever the connection is lost.
     *
     * <p>Threading: blocks the calling thread; {@link #close()} from another thread ends the wait.
     *
     * @throws io.neuromesh.mqtt.MqttLinkException when the broker cannot be reached within the start timeout (the
     *                                             message names the broker and the last failure), or the client was
     *                                             closed; the client is then closed, with no thread left running
     */
    void start();

    /** Submits one call. Tasks submitted before any worker is known wait for one, up to their timeout. */
    TaskFuture submit(TaskCall call);

    /** Submits {@code task} with {@code args} encoded by Gson, on the default queue. */
    default TaskFuture submit(String task, Object args) {
        return submit(TaskCall.of(task, args));
    }

    /** Runs the calls in parallel; the list holds their results in the order of {@code calls}. */
    CompletableFuture<List<TaskResult>> group(List<TaskCall> calls);

    /**
     * Runs the calls one after another, each getting the previous result's value as its arguments (so all but the
     * first must have none). Completes with the last result, or with the first error result.
     */
    CompletableFuture<TaskResult> chain(List<TaskCall> calls);

    /**
     * Runs {@code header} as a group, then {@code reducer} with the JSON array of the header values as its arguments
     * (so it must have none). If a header call fails, completes with that error, its message prefixed with
     * {@code chord header[i] (task) failed: }.
     */
    CompletableFuture<TaskResult> chord(List<TaskCall> header, TaskCall reducer);

    /** Runs {@code header} as a group, then {@code reducer} locally on the results (errors included). */
    <T> CompletableFuture<T> chord(List<TaskCall> header, Function<List<TaskResult>, T> reducer);

    /** Runs the calls of a map as a group; results in order, one per item or chunk. */
    CompletableFuture<List<TaskResult>> map(MapCall map);

    /**
     * Revokes a task that has not completed: its future completes at once with a {@link ErrorKind#REVOKED} result,
     * and workers skip it if it has not started (a task already running finishes; its result is ignored).
     *
     * @return false when the task is unknown or already completed
     */
    boolean revoke(String taskId);

    /** The workers known from their retained heartbeats, by name (offline ones included). */
    List<WorkerStatus> workers();

    /**
     * The workers whose last heartbeat says online but that this client has not heard from for longer than the
     * silence it allows them (3 of their heartbeat intervals + 1 s; a retained heartbeat counts from the time stamp
     * the worker wrote in it): it sends them no tasks. E.g. the workers of another site while the bridge to it is
     * down. Sorted; safe from any thread.
     *
     * @since 0.3
     */
    Set<String> silentWorkers();

    /** Completes every pending future with a {@link ErrorKind#CLOSED} result and disconnects; idempotent. */
    @Override
    void close();
}
