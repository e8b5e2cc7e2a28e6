package io.neuromesh.cli.internal.command.flow;

import io.neuromesh.cli.internal.NeuromeshCommand;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.cli.internal.options.BrokerOptions;
import io.neuromesh.cli.internal.options.TimeoutOption;
import io.neuromesh.flows.ClientConfig;
import io.neuromesh.flows.FlowClient;
import io.neuromesh.flows.Route;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.time.Duration;

/**
 * What the flow demos ({@code flow wordcount}, {@code flow fetch}) share: {@code --broker}, {@code --queue} and
 * {@code --timeout} with the demo's own default, and {@link #run} that runs the demo on a task-flow client.
 */
final class FlowDemoOptions {

    /** One run of a demo on the workers. */
    @FunctionalInterface
    interface Demo<T> {
        /**
         * @param route   the queue given, or null for the client's default queue
         * @param timeout how long one task may take
         */
        T run(FlowClient client, Route route, Duration timeout);
    }

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;
    @Mixin
    private BrokerOptions broker;
    @Mixin
    private TimeoutOption timeout;
    @Option(names = "--queue", paramLabel = "Q", description = "queue the tasks go to (default: "
            + ClientConfig.DEFAULT_QUEUE + ")")
    private String queue;

    /** @param defaultTimeout the demo's default for {@code --timeout} */
    FlowDemoOptions(Duration defaultTimeout) {
        this.timeout = new TimeoutOption(defaultTimeout);
    }

    /**
     * Starts a client, checks {@code --queue}, runs the demo and closes the client.
     *
     * @return the demo's report
     */
    <T> T run(Demo<T> demo) {
        try (FlowClient client = broker.flowClient()) {
            return demo.run(client, route(), timeout.get());
        }
    }

    /** @return the stream the demo's report goes to */
    PrintStream out() {
        return NeuromeshCommand.out(spec);
    }

    private Route route() {
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
