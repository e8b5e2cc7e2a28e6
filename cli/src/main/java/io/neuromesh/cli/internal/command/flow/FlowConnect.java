package io.neuromesh.cli.internal.command.flow;

import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.flows.FlowClient;
import io.neuromesh.flows.Route;
import io.neuromesh.mqtt.MqttLinkException;

import java.net.URI;
import java.time.Duration;

/** What the flow commands share: a started client with a one-line failure, and the --queue option. */
final class FlowConnect {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private FlowConnect() {
    }

    static FlowClient client(Args args) {
        URI broker = args.broker();
        try {
            return FlowClient.builder().broker(broker).connectTimeout(CONNECT_TIMEOUT).build().start();
        } catch (MqttLinkException e) {
            throw new CommandFailedException("cannot reach the broker at " + broker + " (" + e.getMessage()
                    + "); start one with ./neuromesh broker or pass --broker");
        }
    }

    /** The {@code --queue} option as a route, or null for the default queue. */
    static Route queue(Args args) {
        String queue = args.value("queue", null);
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
