package io.neuromesh.dashboard.internal.fleet;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.neuromesh.dashboard.DashboardConfig;
import io.neuromesh.dashboard.internal.live.LiveHub;
import io.neuromesh.dashboard.internal.server.Json;
import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.FleetClient.OutputEvent;
import io.neuromesh.edge.FleetTopology;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.flows.FlowClient;
import org.tinylog.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What the dashboard knows of the fleet, kept current from the broker: the nodes' statuses and the workers'
 * heartbeats (checked every {@link #TICK}), every neuron's latest output (pushed as it arrives), the running topology
 * (read again when a node runs another one) and the merged log (asked for while a browser listens). Changes go to the
 * browsers through the {@link LiveHub}. Both clients reconnect by themselves after a broker restart, and so does
 * everything fed by them. Thread-safe.
 */
public final class FleetWatch implements AutoCloseable {

    /** How often statuses are compared with what the browsers last got. */
    static final Duration TICK = Duration.ofMillis(250);
    /** How long a topology read may take. */
    static final Duration READ = Duration.ofSeconds(2);

    private final DashboardConfig config;
    private final LiveHub hub;
    private final BrokerState broker;
    private final Map<String, OutputEvent> outputs = new ConcurrentHashMap<>();
    private final EventFeed events = new EventFeed();
    private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().daemon().name("dashboard-watch-", 0).factory());
    private volatile FleetClient fleet;
    private volatile FlowClient flows;
    private volatile FleetTopology topology;
    /** The online nodes and hashes the topology was read for; another value means read it again. */
    private volatile String topologyKey = "";
    private volatile String lastFleet = "";

    public FleetWatch(DashboardConfig config, LiveHub hub, BrokerState broker) {
        this.config = config;
        this.hub = hub;
        this.broker = broker;
    }

    /**
     * Connects the fleet and task clients and starts watching. Blocks up to the connect timeout.
     *
     * @throws io.neuromesh.mqtt.MqttLinkException when the broker cannot be reached or refuses the dashboard's user
     */
    public void start() {
        fleet = FleetClient.connect(config.broker(), config.connectTimeout(),
                link -> config.configure(link, config.credentials()));
        flows = FlowClient.builder().link(link -> config.configure(link, config.credentials()))
                .connectTimeout(config.connectTimeout()).connect();
        fleet.watchOutputs(this::onOutput);
        ticks.scheduleWithFixedDelay(this::refresh, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        ticks.scheduleWithFixedDelay(this::pollEvents, 0, 1, TimeUnit.SECONDS);
        ticks.scheduleWithFixedDelay(hub::ping, 15, 15, TimeUnit.SECONDS);
    }

    /** @return the fleet client, for requests (logs, inspect, history) */
    public FleetClient client() {
        return fleet;
    }

    /** @return the statuses of the nodes as last received */
    public Map<String, NodeStatus> nodes() {
        return fleet.nodes();
    }

    /** @return every neuron's latest output, by neuron */
    public Map<String, OutputEvent> outputs() {
        return Map.copyOf(outputs);
    }

    /** @return the Fleet page's data now */
    public JsonObject fleetJson() {
        return FleetJson.of(config.broker(), broker, fleet.nodes(), flows.workers(), flows.silentWorkers());
    }

    /**
     * @return the fleet's topology as last read; read now when none was read yet
     * @throws io.neuromesh.mqtt.MqttLinkException when it has to be read and the broker does not answer
     */
    public FleetTopology topology() {
        FleetTopology known = topology;
        return known != null ? known : readTopology();
    }

    /** Reads the topology now (e.g. after an apply), keeps it and returns it. Blocks up to {@link #READ}. */
    public FleetTopology readTopology() {
        String key = key(fleet.nodes());
        FleetTopology read = fleet.topology(READ);
        topology = read;
        topologyKey = key;
        return read;
    }

    /** @return the running topology, when the online nodes run one and its document was found */
    public Optional<io.neuromesh.topology.Topology> running() {
        return topology().running();
    }

    private void onOutput(OutputEvent e) {
        // On the client's dispatch thread: store and hand to the hub's writer, nothing that waits.
        outputs.put(e.neuron(), e);
        JsonObject output = new JsonObject();
        output.addProperty("neuron", e.neuron());
        output.addProperty("value", e.value());
        output.addProperty("tsMs", e.timestamp().toEpochMilli());
        output.addProperty("node", e.node());
        output.addProperty("retained", e.retained());
        hub.publish("output", Json.text(output));
    }

    private void refresh() {
        try {
            Map<String, NodeStatus> nodes = fleet.nodes();
            String fleetNow = Json.text(FleetJson.of(config.broker(), broker, nodes, flows.workers(),
                    flows.silentWorkers()));
            if (!fleetNow.equals(lastFleet)) {
                lastFleet = fleetNow;
                hub.publish("fleet", fleetNow);
            }
            String key = key(nodes);
            FleetTopology known = topology;
            boolean incomplete = known != null && !known.missing().isEmpty();
            if (broker.connected() && (known == null || !key.equals(topologyKey) || incomplete)) {
                FleetTopology read = readTopology();
                JsonObject changed = new JsonObject();
                changed.addProperty("rev", read.leader().map(NodeStatus::rev).orElse(0L));
                changed.addProperty("hash", read.leader().map(NodeStatus::hash).orElse(""));
                hub.publish("topology", Json.text(changed));
            }
        } catch (RuntimeException e) {
            // The broker is away or slow: keep what is known, and try again at the next tick.
            Logger.debug("dashboard: fleet refresh failed: {}", e.toString());
        }
    }

    private void pollEvents() {
        if (hub.listeners() == 0 || !broker.connected()) {
            return;
        }
        try {
            List<FleetClient.FleetEvent> fresh = events.poll(fleet);
            if (!fresh.isEmpty()) {
                JsonArray json = EventFeed.json(fresh);
                hub.publish("events", Json.text(json));
            }
        } catch (RuntimeException e) {
            Logger.debug("dashboard: logs request failed: {}", e.toString());
        }
    }

    /** @return the recent events of every online node, merged in time order; blocks up to about a second */
    public JsonArray recentEvents(Instant since) {
        return EventFeed.json(fleet.logs(since, EventFeed.ANSWER).events());
    }

    private static String key(Map<String, NodeStatus> nodes) {
        return nodes.values().stream().filter(NodeStatus::online).map(s -> s.node() + "=" + s.rev() + ":" + s.hash())
                .sorted().collect(Collectors.joining(","));
    }

    /** Stops watching and disconnects; idempotent. */
    @Override
    public void close() {
        ticks.shutdownNow();
        if (flows != null) {
            flows.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }
}
