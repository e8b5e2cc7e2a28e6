/**
 * Task flows: the fleet as a task queue over MQTT 5, with no second broker and no result database.
 *
 * <p>A {@link io.neuromesh.flows.Worker} runs {@link io.neuromesh.flows.Task}s (built in, registered in code, or
 * found through {@link io.neuromesh.flows.TaskProvider} in jars). A {@link io.neuromesh.flows.FlowClient} submits
 * {@link io.neuromesh.flows.TaskCall}s to any worker of a queue or to one named worker, and composes them
 * ({@code group}, {@code chain}, {@code chord}, {@code map} with chunks). Everything under
 * {@code io.neuromesh.flows.internal} is an implementation detail and may change without notice.
 *
 * @since 0.1
 */
package io.neuromesh.flows;
