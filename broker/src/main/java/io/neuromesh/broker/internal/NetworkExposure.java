package io.neuromesh.broker.internal;

import io.neuromesh.broker.BrokerException;
import io.neuromesh.broker.internal.auth.AccountFile;

import java.io.IOException;
import java.net.InetAddress;

/**
 * A broker is never open to the network: one that listens on an address other than loopback needs users, as
 * Mosquitto 2 does. Loopback stays open for the demo and for development. Stateless.
 */
final class NetworkExposure {

    private NetworkExposure() {
    }

    /**
     * @return how many users the broker has (0: it is open)
     * @throws BrokerException when the user file cannot be read, or the broker would listen on the network without
     *                         users, saying how to add one
     */
    static int check(BrokerConfig config, InetAddress address) {
        int users;
        try {
            users = config.userFile() == null ? 0 : AccountFile.read(config.userFile()).size();
        } catch (IOException | IllegalArgumentException e) {
            throw new BrokerException("cannot read the user file " + config.userFile() + ": " + e.getMessage(), e);
        }
        if (users == 0 && !address.isLoopbackAddress()) {
            String where = config.userFile() == null ? "no user file" : "no users in " + config.userFile();
            throw new BrokerException("refusing to listen on " + config.bind() + " with " + where
                    + ": anyone on the network could rewrite the topology and switch every actuator; add an operator"
                    + " first: ./neuromesh user add <name> --role operator"
                    + (config.dataDir() == null ? "" : " --data " + config.dataDir()) + " (or bind to 127.0.0.1)");
        }
        return users;
    }
}
