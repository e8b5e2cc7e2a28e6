package io.neuromesh.cli.it;

import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.FreePorts;
import io.neuromesh.testkit.broker.TestBroker;
import io.neuromesh.testkit.broker.TestBrokers;
import io.neuromesh.testkit.process.Launcher;

import java.io.IOException;
import java.time.Duration;

/**
 * The broker of a process-based IT, as a user runs it: {@code ./neuromesh broker --in-memory} through the launcher
 * (stopped with the launcher's other processes), or a real mosquitto process (closed by {@link #close()}).
 *
 * @param port      the broker's plain port on 127.0.0.1
 * @param mosquitto the mosquitto process, or null for the embedded broker
 */
record BrokerProcess(int port, TestBroker mosquitto) implements AutoCloseable {

    static BrokerProcess start(BrokerKind kind, Launcher launcher, Duration startup)
            throws IOException, InterruptedException {
        if (kind == BrokerKind.MOSQUITTO) {
            TestBroker mosquitto = TestBrokers.mosquitto();
            return new BrokerProcess(mosquitto.port(), mosquitto);
        }
        int port = FreePorts.next();
        launcher.start("broker", "broker", "--port", Integer.toString(port), "--in-memory")
                .awaitOutput("broker listening on tcp://127\\.0\\.0\\.1:" + port, startup);
        return new BrokerProcess(port, null);
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }
}
