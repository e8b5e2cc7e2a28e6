package io.neuromesh.flows;

import java.util.Collection;

/**
 * Service-provider interface that brings tasks to a worker. List an implementation in
 * {@code META-INF/services/io.neuromesh.flows.TaskProvider} of a jar and either put the jar on the worker's class
 * path or drop it into the worker's task folder ({@code ~/.neuromesh/tasks} by default): the worker finds it with
 * {@link java.util.ServiceLoader} when it is built. Implementations need a public no-argument constructor.
 *
 * @since 0.1
 */
public interface TaskProvider {

    /** The tasks this provider contributes; names must be unique across providers (the first one found wins). */
    Collection<Task<?, ?>> tasks();
}
