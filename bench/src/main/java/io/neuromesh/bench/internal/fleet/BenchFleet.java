package io.neuromesh.bench.internal.fleet;

import io.neuromesh.bench.internal.machine.JitQuiet;
import io.neuromesh.edge.EdgeConfig;
import io.neuromesh.edge.EdgeRuntime;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.GpioSetting;
import io.neuromesh.edge.FleetClient.RolloutEvent;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.topology.Topology;
import org.tinylog.Logger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Edge runtimes in this JVM plus an operator's {@link FleetClient}, on one broker. Runtimes hand nothing over when
 * closed (the bench tears whole fleets down) and their broker sessions expire a second after they leave, so that no
 * scenario's subscriptions burden the broker during the next one. Closing also clears the retained topology, so that
 * the next scenario's runtimes do not start by applying this one's.
 */
public final class BenchFleet implements AutoCloseable {

    private static final Duration ONLINE = Duration.ofSeconds(30);
    /** How often the statuses of nodes that went offline during an apply are read. */
    private static final Duration POLL = Duration.ofMillis(100);
    /** At most this long for the operator's compilers to stop before an apply is timed. */
    private static final Duration JIT_QUIET = Duration.ofSeconds(10);
    /** How long the broker keeps a bench runtime's session after it left. */
    public static final Duration SESSION_EXPIRY = Duration.ofSeconds(1);

    private final URI broker;
    private final Revisions revisions;
    private final FleetClient operator;
    private final List<EdgeRuntime> runtimes = new ArrayList<>();

    /** Connects the operator client; {@code revisions} numbers the topologies, including the empty one at close. */
    public BenchFleet(URI broker, Revisions revisions) {
        this.broker = broker;
        this.revisions = revisions;
        this.operator = FleetClient.connect(broker, Duration.ofSeconds(10));
    }

    /**
     * Starts a runtime for {@code node} (GPIO off, no handover, a session of {@link #SESSION_EXPIRY}), customised by
     * {@code setup}; returns when it is online.
     */
    public EdgeRuntime start(String node, UnaryOperator<EdgeConfig.Builder> setup) {
        EdgeRuntime runtime = setup.apply(builder(broker, node)).build();
        runtimes.add(runtime);
        runtime.start();
        return runtime;
    }

    /**
     * The settings of every bench runtime: GPIO off, no handover, a session of {@link #SESSION_EXPIRY}, 30 s to come
     * online.
     */
    public static EdgeConfig.Builder builder(URI broker, String node) {
        return EdgeRuntime.builder().node(node).broker(broker).gpio(GpioSetting.OFF).handover(Duration.ZERO)
                .sessionExpiry(SESSION_EXPIRY).link(l -> l.startTimeout(ONLINE));
    }

    /** Starts runtimes for {@code nodes} with the defaults, one after the other; returns when all are online. */
    public void startAll(List<String> nodes) {
        nodes.forEach(node -> start(node, b -> b));
    }

    /**
     * Publishes {@code json} (whose rev is {@code rev}) retained and waits until each of {@code nodes} reports it
     * applied.
     *
     * @return from just before publishing until the last node's report arrived
     * @throws IllegalStateException when a node rejects it or does not answer within {@code timeout}
     */
    public Duration apply(String json, long rev, List<String> nodes, Duration timeout) {
        Topology topology = Topology.parse(json);
        if (topology.rev() != rev) {
            throw new IllegalArgumentException("rev: the document has rev " + topology.rev() + ", not " + rev);
        }
        // The operator's own work comes before the clock, as on a machine of its own: the hash it waits for, and what
        // its compilers make of the parse and the hash (they ran on the nodes' cores, 1-2 CPU-s per apply).
        String hash = topology.contentHash();
        JitQuiet.await(JIT_QUIET);
        long start = System.nanoTime();
        // Within the whole apply's bound: a broker fanning 100,000 neurons out to 100 nodes of this machine takes
        // longer than a lone operator's allowance to acknowledge (Mosquitto queues each subscriber's copy first).
        operator.publishTopology(json.getBytes(StandardCharsets.UTF_8), timeout);
        Map<String, RolloutEvent> outcomes = operator.awaitRollout(rev, hash, nodes, timeout, event -> { });
        List<String> returning = new ArrayList<>();
        for (String node : nodes) {
            RolloutEvent outcome = outcomes.get(node);
            if (outcome.kind() == RolloutEvent.Kind.WENT_OFFLINE) {
                returning.add(node);
            } else if (outcome.kind() != RolloutEvent.Kind.APPLIED) {
                throw new IllegalStateException("node " + node + " did not apply topology rev " + rev + " within "
                        + timeout.toMillis() + " ms: " + outcome.kind() + " " + outcome.errors());
            }
        }
        if (!returning.isEmpty()) {
            awaitBack(returning, rev, hash, start + timeout.toNanos());
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Nodes that went offline during an apply (on this machine: a connection that timed out while 100 runtimes and
     * the broker shared two cores) reconnect and apply the retained topology: the apply ends when they run it, and
     * the bench says which ones they were.
     */
    private void awaitBack(List<String> nodes, long rev, String hash, long deadlineNanos) {
        Logger.warn("fleet bench: {} went offline during the apply of rev {}; waiting until they run it",
                nodes, rev);
        while (true) {
            Map<String, NodeStatus> statuses = operator.nodes();
            List<String> behind = nodes.stream()
                    .filter(node -> statuses.get(node) == null || !statuses.get(node).runs(rev, hash)).toList();
            if (behind.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadlineNanos) {
                throw new IllegalStateException("nodes " + behind + " went offline during the apply of topology rev "
                        + rev + " and did not run it in time");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        runtimes.parallelStream().forEach(EdgeRuntime::close);
        runtimes.clear();
        // Leaves an empty network retained for the next scenario's fresh runtimes, rather than this scenario's
        // (up to 100,000 neurons). Clearing it would be refused: the embedded broker guards the topology.
        operator.publishTopology(("{\"rev\":" + revisions.next() + ",\"name\":\"bench-idle\",\"neurons\":[]}")
                .getBytes(StandardCharsets.UTF_8));
        operator.close();
    }
}
