package io.neuromesh.testkit.broker.internal;

import io.neuromesh.broker.EmbeddedBroker;
import io.neuromesh.broker.Persistence;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.FreePorts;
import io.neuromesh.testkit.broker.TestBroker;

import java.nio.file.Path;

/**
 * An embedded HiveMQ on a fixed port. HiveMQ cannot start again once stopped, so every start builds a new
 * {@link EmbeddedBroker} with the same settings; with file persistence it finds the state the last one left.
 */
public final class EmbeddedTestBroker implements TestBroker {

    private final Persistence persistence;
    private final Path dataDir;
    private final int port;
    private EmbeddedBroker broker;
    private boolean closed;

    private EmbeddedTestBroker(Persistence persistence, Path dataDir, int port) {
        this.persistence = persistence;
        this.dataDir = dataDir;
        this.port = port;
    }

    /**
     * @param persistence file or in-memory
     * @param dataDir     the data directory for file persistence, null for in-memory
     * @return a running broker on a fresh port
     */
    public static EmbeddedTestBroker start(Persistence persistence, Path dataDir) {
        EmbeddedTestBroker testBroker = new EmbeddedTestBroker(persistence, dataDir, FreePorts.next());
        testBroker.start();
        return testBroker;
    }

    @Override
    public void start() {
        if (closed) {
            throw new IllegalStateException("this embedded broker was closed");
        }
        if (broker != null) {
            return;
        }
        EmbeddedBroker fresh = EmbeddedBroker.builder()
                .port(port)
                .bind("127.0.0.1")
                .persistence(persistence)
                .dataDir(dataDir)
                .build();
        fresh.start();
        broker = fresh;
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        stop();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.HIVEMQ_EMBEDDED;
    }

    @Override
    public boolean isRunning() {
        return broker != null && broker.isRunning();
    }

    @Override
    public String toString() {
        return "embedded HiveMQ on " + uri() + " (" + persistence + ")";
    }
}
