package io.neuromesh.dashboard.internal.fleet;

import io.neuromesh.mqtt.LinkListener;

import java.time.Duration;

/** Whether the dashboard's own broker connection is up, as its link reports it; shown on every page. Thread-safe. */
public final class BrokerState implements LinkListener {

    private volatile boolean connected = true;
    private volatile String problem = "";

    @Override
    public void connected(boolean reconnect) {
        problem = "";
        connected = true;
    }

    @Override
    public void disconnected(String reason) {
        problem = "connection lost: " + reason;
        connected = false;
    }

    @Override
    public void connectFailed(String reason, Duration retryIn) {
        problem = reason + "; retrying in " + retryIn.toSeconds() + "s";
        connected = false;
    }

    /** @return true while the dashboard's connection is up */
    public boolean connected() {
        return connected;
    }

    /** @return why it is down, "" while connected */
    public String problem() {
        return problem;
    }
}
