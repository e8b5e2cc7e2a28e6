package io.neuromesh.testkit.broker.internal;

import io.neuromesh.broker.BrokerException;
import io.neuromesh.broker.MosquittoBroker;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.FreePorts;
import io.neuromesh.testkit.broker.TestBroker;

import java.nio.file.Path;

/** A {@link MosquittoBroker} process as a test broker, on a port from {@link FreePorts}. */
public final class MosquittoTestBroker implements TestBroker {

    private final MosquittoBroker broker;

    private MosquittoTestBroker(MosquittoBroker broker) {
        this.broker = broker;
    }

    /**
     * @param binary  the mosquitto executable
     * @param dataDir the folder for configuration, log and database, or null for a temporary one deleted on close
     * @return a running broker
     * @throws IllegalStateException if mosquitto does not come up (the message quotes the last line of its log)
     */
    public static MosquittoTestBroker start(Path binary, Path dataDir) {
        try {
            return new MosquittoTestBroker(MosquittoBroker.start(binary, dataDir, FreePorts.next()));
        } catch (BrokerException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void start() {
        try {
            broker.start();
        } catch (BrokerException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        broker.stop();
    }

    @Override
    public void close() {
        broker.close();
    }

    @Override
    public int port() {
        return broker.port();
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.MOSQUITTO;
    }

    @Override
    public boolean isRunning() {
        return broker.isRunning();
    }

    @Override
    public String toString() {
        return broker.toString();
    }
}
