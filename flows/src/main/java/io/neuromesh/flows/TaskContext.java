package io.neuromesh.flows;

import java.time.Duration;

/**
 * What a running {@link Task} knows about its own run. Valid only during {@link Task#run}.
 *
 * @since 0.1
 */
public interface TaskContext {

    /** The task id the submitter gave this submission (the same on every attempt and every redelivery). */
    String taskId();

    /** The name of the worker running it. */
    String worker();

    /** 1 for the first run, 2 for the first retry, ... */
    int attempt();

    /** How long this attempt may run before the worker reports {@code timeout after N ms} and interrupts it. */
    Duration timeout();

    /** True once this attempt has timed out; a long loop should stop when it turns true. */
    boolean isCancelled();
}
