package io.neuromesh.cli.internal.options;

import io.neuromesh.topology.Ids;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** The default node id of {@code edge}: this host's name made to fit the id rule ({@link Ids#fit}). */
public final class HostNodeId {

    private HostNodeId() {
    }

    /** The node id made of this host's name, or empty when it has none that fits. */
    public static Optional<String> get() {
        return hostName().flatMap(Ids::fit);
    }

    /**
     * This host's name: {@code HOSTNAME} or {@code COMPUTERNAME} when set (no lookup), else what the OS reports;
     * empty when it cannot be told.
     */
    public static Optional<String> hostName() {
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String name = System.getenv(variable);
            if (name != null && !name.isBlank()) {
                return Optional.of(name.strip());
            }
        }
        try {
            return Optional.of(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            // The message starts with the host name the OS reports, which just does not resolve: "pi: pi: Name ...".
            String message = e.getMessage();
            int colon = message == null ? -1 : message.indexOf(':');
            return colon > 0 ? Optional.of(message.substring(0, colon)) : Optional.empty();
        }
    }
}
