package io.neuromesh.cli.internal.command.flow;

import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.flows.ClientConfig;
import io.neuromesh.flows.Route;
import picocli.CommandLine.Option;

/** {@code --queue}: the queue a flow demo's tasks go to. */
final class QueueOption {

    @Option(names = "--queue", paramLabel = "Q", description = "queue the tasks go to (default: "
            + ClientConfig.DEFAULT_QUEUE + ")")
    private String queue;

    /** @return the route of the queue given, or null for the client's default queue */
    Route route() {
        if (queue == null) {
            return null;
        }
        try {
            return Route.queue(queue);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
    }
}
