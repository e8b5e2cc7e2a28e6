package io.neuromesh.testkit.fleet;

/**
 * Starts one node of a {@link TestFleet}: an in-process runtime or worker, or an OS process through the launcher.
 * Supplied by the test module, so that testkit depends on none of the modules it tests.
 *
 * <pre>{@code
 * NodeStarter<EdgeRuntime> edges = (name, broker) -> {
 *     EdgeRuntime runtime = EdgeRuntime.builder().node(name).broker(broker).build();
 *     runtime.start();
 *     return runtime;
 * };
 * }</pre>
 *
 * @param <N> the node type; {@link TestFleet} closes it on {@link TestFleet#stop(String)} and {@link TestFleet#close()}
 * @since 0.1
 */
@FunctionalInterface
public interface NodeStarter<N extends AutoCloseable> {

    /**
     * Starts a node; called on the test thread.
     *
     * @param name      the node's name in the fleet
     * @param brokerUri the fleet broker's URI, {@code tcp://127.0.0.1:<port>}
     * @return the started node (it may still be connecting; the test awaits what it needs)
     * @throws Exception when the node cannot start; the test fails with it
     */
    N start(String name, String brokerUri) throws Exception;
}
