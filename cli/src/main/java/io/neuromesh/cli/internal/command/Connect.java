package io.neuromesh.cli.internal.command;

import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.mqtt.MqttLinkException;

import java.net.URI;
import java.time.Duration;

/** Opens the fleet client every operator command uses, with a one-line failure. */
final class Connect {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private Connect() {
    }

    static FleetClient fleet(Args args) {
        URI broker = args.broker();
        try {
            return FleetClient.connect(broker, CONNECT_TIMEOUT);
        } catch (MqttLinkException e) {
            throw new CommandFailedException("cannot reach the broker at " + broker + " (" + e.getMessage()
                    + "); start one with ./neuromesh broker or pass --broker");
        }
    }
}
