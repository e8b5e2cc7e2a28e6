package io.neuromesh.flows;

import io.neuromesh.flows.internal.worker.MqttWorker;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A task worker: joins its queues (and its own named topic) on the broker, runs tasks on virtual threads, and
 * publishes a retained heartbeat with its counters on {@code neuromesh/workers/<name>/status} (its Last Will says
 * offline). Every edge runtime can host one; {@code ./neuromesh worker} runs one alone.
 *
 * <pre>{@code
 * Worker worker = Worker.builder().broker("tcp://pi1:1883").name("pi2").queues("default").build();
 * worker.start();
 * }</pre>
 *
 * <p>Threading: all methods are thread-safe. Tasks run on virtual threads, at most
 * {@link WorkerConfig#concurrency()} at once.
 *
 * @since 0.1
 */
public interface Worker extends AutoCloseable {

    /** A builder with the defaults of {@link WorkerConfig}. */
    static WorkerConfig.Builder builder() {
        return new WorkerConfig.Builder();
    }

    /**
     * A worker for a configuration (not started). Its tasks are loaded now: built-ins and providers on the class
     * path, providers in jars of the task folder, then the tasks of the configuration.
     *
     * @throws IllegalArgumentException when {@link WorkerConfig#enabledTasks()} names a task it did not load (the
     *                                  message lists the ones it has)
     * @throws IllegalStateException    when the task folder or a jar in it is unsafe (not the running user's, or
     *                                  writable by group or others; the message says the fix), cannot be read, or a
     *                                  provider fails to load
     */
    static Worker create(WorkerConfig config) {
        return new MqttWorker(config);
    }

    /** This worker's configuration. */
    WorkerConfig config();

    /** The worker name. */
    default String name() {
        return config().name();
    }

    /** The names of the tasks it runs: those registered in code and the enabled ones of its providers. */
    Set<String> taskNames();

    /**
     * The names of the tasks it loaded but does not run (not in {@link WorkerConfig#enabledTasks()}); a task message
     * for one gets a {@link ErrorKind#NOT_ENABLED} error result.
     *
     * @since 0.2
     */
    Set<String> disabledTaskNames();

    /**
     * The tasks each jar of the task folder brought (enabled or not), by absolute jar path, in load order; empty
     * without task jars.
     *
     * @since 0.2
     */
    Map<Path, List<String>> taskJars();

    /**
     * Connects and returns when the worker is ready: connected, subscribed to its queues and its named topic, and
     * announced online. A broker that is not up yet is retried with the link's reconnect backoff for at most
     * {@link io.neuromesh.mqtt.LinkConfig#startTimeout() the link's start timeout}. Idempotent: on a started worker it
     * returns at once. After it returned, the worker reconnects by itself whenever the connection is lost.
     *
     * <p>Threading: blocks the calling thread; {@link #close()} from another thread ends the wait.
     *
     * @throws io.neuromesh.mqtt.MqttLinkException when the worker is not ready within the start timeout (the message
     *                                             names the broker and the last failure), or was closed; the worker
     *                                             is then closed, with no thread left running
     */
    void start();

    /** Its counters now. */
    WorkerStats stats();

    /**
     * Announces itself offline, disconnects and stops its tasks (running ones are interrupted and their results
     * dropped; clients send them to other workers); idempotent.
     */
    @Override
    void close();
}
