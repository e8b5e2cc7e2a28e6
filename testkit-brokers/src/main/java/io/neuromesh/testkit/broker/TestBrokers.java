package io.neuromesh.testkit.broker;

import io.neuromesh.broker.MosquittoBroker;
import io.neuromesh.broker.Persistence;
import io.neuromesh.testkit.broker.internal.EmbeddedTestBroker;
import io.neuromesh.testkit.broker.internal.MosquittoTestBroker;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Starts real MQTT brokers for tests. Every broker listens on {@code 127.0.0.1} on a port from
 * {@link FreePorts#next()}, is started when returned and must be closed by the test (try-with-resources or
 * {@code @AfterEach}). Each call blocks until the broker accepts connections (HiveMQ: about 1–3 s; mosquitto:
 * milliseconds); closing HiveMQ takes about 4 s.
 *
 * @since 0.1
 */
public final class TestBrokers {

    /** The message of the skip when mosquitto is missing. */
    public static final String MOSQUITTO_MISSING = MosquittoBroker.MISSING;

    private TestBrokers() {
    }

    /**
     * An embedded HiveMQ that keeps everything in memory: a {@link TestBroker#restart()} loses retained
     * messages and sessions.
     *
     * @return a running broker
     */
    public static TestBroker embedded() {
        return EmbeddedTestBroker.start(Persistence.IN_MEMORY, null);
    }

    /**
     * An embedded HiveMQ with file persistence in {@code dataDir}: retained messages and persistent sessions
     * survive {@link TestBroker#restart()}, and a later broker on the same folder.
     *
     * @param dataDir a folder for this broker alone, typically a JUnit {@code @TempDir}; kept on close
     * @return a running broker
     */
    public static TestBroker embeddedPersistent(Path dataDir) {
        return EmbeddedTestBroker.start(Persistence.FILE, Objects.requireNonNull(dataDir, "dataDir"));
    }

    /**
     * A {@code mosquitto} process with persistence in a temporary folder, deleted on close: retained messages
     * and persistent sessions survive {@link TestBroker#restart()}. Its log is {@code mosquitto.log} in that
     * folder. The process is killed when the JVM exits, should the test not close it.
     *
     * @return a running broker
     * @throws org.opentest4j.TestAbortedException if mosquitto is not installed: the test is reported as skipped
     *                                             with {@link #MOSQUITTO_MISSING}
     */
    public static TestBroker mosquitto() {
        return MosquittoTestBroker.start(requireMosquitto(), null);
    }

    /**
     * A broker of the given kind with its state on disk in {@code dataDir}: retained messages and persistent
     * sessions survive {@link TestBroker#restart()}.
     *
     * @param kind    which broker
     * @param dataDir a folder for this broker alone, typically a JUnit {@code @TempDir}; kept on close
     * @return a running broker
     * @throws org.opentest4j.TestAbortedException for {@link BrokerKind#MOSQUITTO} if mosquitto is not installed
     */
    public static TestBroker persistent(BrokerKind kind, Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        return switch (kind) {
            case HIVEMQ_EMBEDDED -> embeddedPersistent(dataDir);
            case MOSQUITTO -> MosquittoTestBroker.start(requireMosquitto(), dataDir);
        };
    }

    /**
     * The default broker of a kind: {@link #embedded()} or {@link #mosquitto()}.
     *
     * @param kind which broker
     * @return a running broker
     * @throws org.opentest4j.TestAbortedException for {@link BrokerKind#MOSQUITTO} if mosquitto is not installed
     */
    public static TestBroker of(BrokerKind kind) {
        return switch (kind) {
            case HIVEMQ_EMBEDDED -> embedded();
            case MOSQUITTO -> mosquitto();
        };
    }

    /**
     * Whether a {@code mosquitto} binary is on the {@code PATH} or at {@code /usr/sbin/mosquitto}.
     *
     * @return true if {@link #mosquitto()} can start one
     */
    public static boolean mosquittoAvailable() {
        return MosquittoBroker.binary().isPresent();
    }

    private static Path requireMosquitto() {
        // An abort, so that JUnit reports a skip, not a pass.
        return MosquittoBroker.binary().orElseGet(() -> Assumptions.abort(MOSQUITTO_MISSING));
    }
}
