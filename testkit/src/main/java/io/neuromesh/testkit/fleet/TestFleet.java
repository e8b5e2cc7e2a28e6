package io.neuromesh.testkit.fleet;

import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.TestBroker;
import io.neuromesh.testkit.broker.TestBrokers;
import io.neuromesh.testkit.process.Cleanup;
import io.neuromesh.testkit.process.TestFolders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A fleet for one test: a fresh broker, the nodes the test starts on it, a topology publisher and observers of
 * topics, all closed by {@link #close()} (nodes in reverse start order, then the observing link, then the broker and
 * its data folder).
 *
 * <pre>{@code
 * try (TestFleet<EdgeRuntime> fleet = TestFleet.builder(edges).broker(BrokerKind.MOSQUITTO).start()) {
 *     fleet.start("n1", "n2", "n3");
 *     Observer outputs = fleet.observe("neuron/+/output");
 *     fleet.publishTopology(TestFleet.example("xor.json"));
 *     await().until(() -> outputs.latest("neuron/z/output").isPresent());
 * }
 * }</pre>
 *
 * <p>Not thread-safe: drive it from the test thread. Observers are filled on the fleet link's dispatch thread.
 *
 * @param <N> the node type
 * @since 0.1
 */
public final class TestFleet<N extends AutoCloseable> implements AutoCloseable {

    /** The topic every node reads its topology from (retained, QoS 1), as the README documents it. */
    public static final String TOPOLOGY_TOPIC = "neuromesh/topology";

    /** How long the fleet's own link may take to connect. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final TestBroker broker;
    private final Path dataDir;
    private final NodeStarter<N> starter;
    private final Map<String, N> nodes = new LinkedHashMap<>();
    private final MqttLink link;
    private boolean closed;

    private TestFleet(TestBroker broker, Path dataDir, NodeStarter<N> starter) {
        this.broker = broker;
        this.dataDir = dataDir;
        this.starter = starter;
        this.link = MqttLink.builder().broker(broker.uri()).clientId("test-fleet-" + System.nanoTime())
                .startTimeout(CONNECT_TIMEOUT).build();
        link.start();
    }

    /**
     * @param starter how the test module starts one node
     * @param <N>     the node type
     * @return a builder; by default an in-memory embedded HiveMQ
     */
    public static <N extends AutoCloseable> Builder<N> builder(NodeStarter<N> starter) {
        return new Builder<>(Objects.requireNonNull(starter, "starter"));
    }

    /**
     * Reads a file of the repository's {@code examples} folder (found above the working directory), e.g. a topology.
     *
     * @param name the file name, e.g. {@code xor.json}
     * @return its bytes
     * @throws UncheckedIOException if there is no such file
     */
    public static byte[] example(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new UncheckedIOException(new IOException("no examples folder above " + Path.of("").toAbsolutePath()));
        }
        try {
            return Files.readAllBytes(dir.resolve("examples").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("examples/" + name + " not readable", e);
        }
    }

    /** @return the fleet's broker (stop, start and restart it to test outages) */
    public TestBroker broker() {
        return broker;
    }

    /** @return the broker's URI, {@code tcp://127.0.0.1:<port>} */
    public String uri() {
        return broker.uri();
    }

    /** @return the broker's port */
    public int port() {
        return broker.port();
    }

    /**
     * Starts a node with the fleet's starter.
     *
     * @param name a name not in use in this fleet
     * @return the node
     */
    public N start(String name) {
        return start(name, starter);
    }

    /**
     * Starts a node with a starter of its own (a node with different settings).
     *
     * @param name    a name not in use in this fleet
     * @param starter how to start this one
     * @return the node
     * @throws IllegalStateException if the name is in use
     */
    public N start(String name, NodeStarter<N> starter) {
        if (nodes.containsKey(name)) {
            throw new IllegalStateException("node " + name + " is running already; stop(\"" + name + "\") first");
        }
        N node;
        try {
            node = starter.start(name, broker.uri());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("node " + name + " did not start: " + e.getMessage(), e);
        }
        nodes.put(name, Objects.requireNonNull(node, "the starter returned null for " + name));
        return node;
    }

    /**
     * Starts several nodes with the fleet's starter, in order.
     *
     * @param names names not in use in this fleet
     * @return the nodes, in the same order
     */
    public List<N> start(String... names) {
        List<N> started = new ArrayList<>(names.length);
        for (String name : names) {
            started.add(start(name));
        }
        return started;
    }

    /**
     * Runs the steps that make this fleet ready for a test (start nodes, apply a topology, wait for it) and closes
     * the fleet if one of them fails, so a failed setup leaves no broker or node behind.
     *
     * @param setup the steps, on the caller's thread
     * @return this fleet, set up
     */
    public TestFleet<N> with(Consumer<TestFleet<N>> setup) {
        try {
            setup.accept(this);
            return this;
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /**
     * @param name a running node's name
     * @return the node
     * @throws IllegalArgumentException if no node of that name runs
     */
    public N node(String name) {
        N node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no node " + name + " in this fleet; running: " + nodes.keySet());
        }
        return node;
    }

    /** @return the running nodes by name, in start order (a read-only view) */
    public Map<String, N> nodes() {
        return java.util.Collections.unmodifiableMap(nodes);
    }

    /**
     * Closes a node and forgets it, so that the name can be started again.
     *
     * @param name a running node's name
     */
    public void stop(String name) {
        Cleanup.closeAll(nodes.remove(name));
    }

    /**
     * Closes every node (reverse start order) and keeps the broker, for test classes that share one fleet's broker
     * between their tests.
     */
    public void stopNodes() {
        List<N> running = new ArrayList<>(nodes.values());
        nodes.clear();
        for (int i = running.size() - 1; i >= 0; i--) {
            Cleanup.closeAll(running.get(i));
        }
    }

    /**
     * Forgets a node the test ended itself (e.g. with SIGKILL), so that the name can be started again. Does not
     * close it.
     *
     * @param name a node's name
     */
    public void forget(String name) {
        nodes.remove(name);
    }

    /**
     * Records every message on {@code filter}, retained ones first. Returns once the broker confirmed the
     * subscription, so nothing published afterwards is missed.
     *
     * @param filter an MQTT topic filter
     * @return the observer, filled from now on
     */
    public Observer observe(String filter) {
        Observer observer = new Observer(filter);
        link.subscribe(Subscription.of(filter), observer::accept);
        return observer;
    }

    /**
     * Publishes a topology document, retained at QoS 1 on {@link #TOPOLOGY_TOPIC}, as {@code topology apply} does.
     *
     * @param json the document
     */
    public void publishTopology(byte[] json) {
        publish(TOPOLOGY_TOPIC, json, true);
    }

    /**
     * Publishes at QoS 1 from the fleet's own client.
     *
     * @param topic    the topic
     * @param payload  the payload
     * @param retained whether the broker keeps it for later subscribers
     */
    public void publish(String topic, byte[] payload, boolean retained) {
        link.publish(topic, payload, Qos.AT_LEAST_ONCE, retained);
    }

    /** Closes every node (reverse start order), the fleet's link, the broker and its data folder. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopNodes();
        link.close();
        broker.close();
        if (dataDir != null) {
            deleteQuietly(dataDir);
        }
    }

    /** Deletes the broker's folder; a failure only leaves files in the temp folder, so it is not the test's. */
    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("cannot delete the test broker's folder " + dir + ": " + e);
        }
    }

    /**
     * Chooses the broker.
     *
     * @param <N> the node type
     */
    public static final class Builder<N extends AutoCloseable> {
        private final NodeStarter<N> starter;
        private BrokerKind kind = BrokerKind.HIVEMQ_EMBEDDED;
        private boolean persistent;
        private TestBroker own;

        private Builder(NodeStarter<N> starter) {
            this.starter = starter;
        }

        /**
         * @param kind which broker; default {@link BrokerKind#HIVEMQ_EMBEDDED}
         * @return this builder
         */
        public Builder<N> broker(BrokerKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /**
         * Uses a broker the test started itself (e.g. one of two bridged brokers) instead of a fresh one; the fleet
         * closes it on {@link TestFleet#close()}.
         *
         * @param broker a running broker
         * @return this builder
         */
        public Builder<N> broker(TestBroker broker) {
            this.own = Objects.requireNonNull(broker, "broker");
            return this;
        }

        /**
         * Keeps retained messages and persistent sessions on disk, in a fresh folder of this fleet (deleted on
         * close), so that they survive {@link TestBroker#restart()}.
         *
         * @return this builder
         */
        public Builder<N> persistent() {
            this.persistent = true;
            return this;
        }

        /**
         * Starts the broker and the fleet's own client; blocks until both are up.
         *
         * @return the fleet, with no nodes yet
         * @throws org.opentest4j.TestAbortedException for {@link BrokerKind#MOSQUITTO} if mosquitto is not installed
         */
        public TestFleet<N> start() {
            Path dataDir = null;
            TestBroker broker;
            if (own != null) {
                broker = own;
            } else if (persistent) {
                dataDir = TestFolders.create("neuromesh-fleet-" + kind.name().toLowerCase() + "-");
                broker = TestBrokers.persistent(kind, dataDir);
            } else {
                broker = TestBrokers.of(kind);
            }
            try {
                return new TestFleet<>(broker, dataDir, starter);
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
        }
    }
}
