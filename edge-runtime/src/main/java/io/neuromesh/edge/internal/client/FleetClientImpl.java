package io.neuromesh.edge.internal.client;

import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.FleetTopology;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.AppliedHistory;
import io.neuromesh.edge.wire.ClearLogsCodec;
import io.neuromesh.edge.wire.ClearLogsReply;
import io.neuromesh.edge.wire.GpioSetCodec;
import io.neuromesh.edge.wire.GpioSetReply;
import io.neuromesh.edge.wire.GpioSetRequest;
import io.neuromesh.edge.wire.Input;
import io.neuromesh.edge.wire.InputCodec;
import io.neuromesh.edge.wire.InspectCodec;
import io.neuromesh.edge.wire.InspectRequest;
import io.neuromesh.edge.wire.Inspection;
import io.neuromesh.edge.wire.LogsCodec;
import io.neuromesh.edge.wire.LogsRequest;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.PinLevel;
import io.neuromesh.edge.wire.TopologyResult;
import io.neuromesh.mqtt.InboundMessage;
import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.OutboundMessage;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;
import io.neuromesh.topology.Topology;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** {@link FleetClient} over one clean-session {@link MqttLink}. */
public final class FleetClientImpl implements FleetClient {

    private static final String REPLY_PREFIX = "neuromesh/reply/";
    /** The body of a round trip through this client's own reply topic; it only has to come back. */
    private static final byte[] PING = "{}".getBytes(StandardCharsets.UTF_8);

    private final MqttLink link;
    private final String replyTopic;
    private final Map<String, NodeStatus> statuses = new ConcurrentHashMap<>();
    private final SeenRecords seen = new SeenRecords();
    private final Map<String, TopologyResult> results = new ConcurrentHashMap<>();
    private final Requester requester;
    /** The rollouts being waited for; the dispatch thread feeds them every status and result. */
    private final List<Rollout> rollouts = new CopyOnWriteArrayList<>();
    private final TopologyReader reader;
    private final FreshLiveness fresh = new FreshLiveness();

    /** One rollout being waited for: its tracker, and the events its waiting thread has yet to hand out. */
    private record Rollout(RolloutTracker tracker, BlockingQueue<RolloutEvent> events) {
    }

    private FleetClientImpl(MqttLink link, String clientId) {
        this.link = link;
        this.replyTopic = REPLY_PREFIX + clientId;
        this.requester = new Requester(link, replyTopic);
        this.reader = new TopologyReader(link, this::nodes, this::roundTrip);
    }

    /** Connects and loads the retained node statuses and topology results. */
    public static FleetClient connect(URI broker, Duration timeout, Consumer<LinkConfig.Builder> settings) {
        String clientId = "neuromesh-cli-" + UUID.randomUUID().toString().substring(0, 8);
        LinkConfig.Builder builder = MqttLink.builder().broker(broker)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : timeout)
                .startTimeout(timeout);
        settings.accept(builder);
        MqttLink link = builder.clientId(clientId).build();
        FleetClientImpl client = new FleetClientImpl(link, clientId);
        try {
            link.start();
            client.subscribeFleetState();
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
        return client;
    }

    private void subscribeFleetState() {
        link.subscribe(Subscription.of(replyTopic), requester::onReply);
        link.subscribe(Subscription.of(Topics.ALL_STATUSES), this::onStatus);
        link.subscribe(Subscription.of(Topics.ALL_TOPOLOGY_RESULTS), this::onReport);
        link.subscribe(Subscription.of(Topics.ALL_SEEN), seen::onMessage);
        // Retained messages are queued at SUBSCRIBE time; a round trip through our own reply topic after that
        // means the broker answers, and usually that they have been delivered.
        roundTrip(DEFAULT_TIMEOUT);
        // HiveMQ sends each subscription's retained messages on its own schedule: under load a Last Will can be here
        // before the peer's record that dates it (another subscription), and would be shown as gone since it
        // connected. A second round trip gives the broker's queue time to catch up; it costs one ping, only then.
        if (statuses.values().stream().anyMatch(NodeStatus::unconfirmedWill)) {
            roundTrip(DEFAULT_TIMEOUT);
        }
    }

    /** A round trip through the broker; throws when it does not come back in time. */
    private void roundTrip(Duration timeout) {
        if (requester.request(replyTopic, PING, 1, timeout, Optional.empty()).isEmpty()) {
            throw Timeouts.noAnswer(timeout, "");
        }
    }

    private void onStatus(InboundMessage message) {
        String node = Topics.nodeOf(message.topic());
        NodeStatus held = node == null ? null : statuses.get(node);
        FleetMessages.status(message.topic(), message.payload(), held).ifPresent(status -> {
            statuses.put(status.node(), status);
            if (!message.retained()) {
                fresh.heard(status.node());
            }
            if (status.online()) {
                requester.nodeOnline(status.node());
            }
            rollouts.forEach(r -> r.events().addAll(r.tracker().onStatus(status)));
        });
    }

    private void onReport(InboundMessage message) {
        String node = Topics.nodeOf(message.topic());
        FleetMessages.topologyResult(message.topic(), message.payload()).ifPresent(result -> {
            results.put(node, result);
            rollouts.forEach(r -> r.events().addAll(r.tracker().onResult(node, result)));
        });
    }

    /** Publishes a request that goes out once and collects replies until enough arrived or timeout passed. */
    private List<byte[]> request(String topic, byte[] body, int expected, Duration timeout) {
        return requester.request(topic, body, expected, timeout, Optional.empty());
    }

    /** The nodes to expect replies from: online, and not silent ({@link #nodes()}). */
    private List<String> onlineNodes() {
        return nodes().values().stream().filter(NodeStatus::online).map(NodeStatus::node).sorted().toList();
    }

    @Override
    public void send(String neuron, String source, double value) {
        link.publish(Topics.input(neuron), InputCodec.encode(Input.of(source, value)), Qos.AT_LEAST_ONCE, false);
    }

    @Override
    public void fire(String neuron) {
        link.publish(Topics.input(neuron), InputCodec.encode(Input.fireCommand()), Qos.AT_LEAST_ONCE, false);
    }

    @Override
    public void publishTopology(byte[] json, Duration timeout) {
        link.publishAcknowledged(OutboundMessage.of(Topics.TOPOLOGY, json, Qos.AT_LEAST_ONCE, true), timeout);
    }

    @Override
    public FleetTopology topology(Duration timeout) {
        return reader.read(timeout);
    }

    @Override
    public AppliedHistory history(Duration timeout) {
        return reader.history(timeout);
    }

    @Override
    public Topology revision(AppliedHistory.Revision revision, Duration timeout) {
        return reader.revision(revision, timeout);
    }

    @Override
    public Map<String, NodeStatus> nodes() {
        Map<String, NodeStatus> nodes = seen.date(statuses);
        Instant now = Instant.now();
        // Shown as the node's peers count it: gone, dated its last status.
        nodes.replaceAll((node, status) -> fresh.silent(status, now)
                ? NodeStatus.offline(node, NodeStatus.SILENT, status.timestamp()) : status);
        return nodes;
    }

    @Override
    public Set<String> awaitFreshLiveness(Duration timeout) {
        Set<String> unheard = awaitLiveness(timeout, true);
        Map<String, NodeStatus> now = nodes();
        unheard.removeIf(node -> now.get(node) == null || now.get(node).running().isEmpty());
        return unheard;
    }

    @Override
    public Set<String> awaitSilentNodes(Duration timeout) {
        awaitLiveness(timeout, false);
        return nodes().values().stream().filter(NodeStatus::silent).map(NodeStatus::node)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> awaitLiveness(Duration timeout, boolean compactToo) {
        try {
            return fresh.await(statuses, timeout, compactToo);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TreeSet<>(statuses.keySet());
        }
    }

    @Override
    public Map<String, RolloutEvent> awaitRollout(long rev, String contentHash, Collection<String> nodes,
                                                  Duration timeout, Consumer<RolloutEvent> listener) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Rollout rollout = new Rollout(new RolloutTracker(rev, contentHash, nodes),
                new LinkedBlockingQueue<>());
        rollouts.add(rollout);
        try {
            // What arrived before the rollout was registered: evidence about this document counts whenever it came.
            // As nodes() shows it: a silent node's retained status is not a node coming online.
            nodes().values().forEach(s -> rollout.events().addAll(rollout.tracker().onStatus(s)));
            results.forEach((node, r) -> rollout.events().addAll(rollout.tracker().onResult(node, r)));
            while (!rollout.tracker().done() || !rollout.events().isEmpty()) {
                RolloutEvent event = rollout.events().poll(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
                if (event != null) {
                    listener.accept(event);
                } else if (System.nanoTime() >= deadline) {
                    rollout.tracker().timeOut().forEach(listener);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            rollouts.remove(rollout);
        }
        return rollout.tracker().outcomes();
    }

    @Override
    public FleetLogs logs(Instant since, Duration timeout) {
        List<String> online = onlineNodes();
        List<FleetEvent> merged = new ArrayList<>();
        Set<String> silent = new TreeSet<>(online);
        for (byte[] reply : request(Topics.REQUEST_LOGS, LogsCodec.encodeRequest(new LogsRequest(since)),
                online.size(), timeout)) {
            FleetMessages.reply("logs", reply, LogsCodec::decodeReply).ifPresent(logs -> {
                silent.remove(logs.node());
                merged.addAll(FleetMessages.events(logs));
            });
        }
        merged.sort(Comparator.comparing(FleetEvent::at));
        return new FleetLogs(merged, List.copyOf(silent));
    }

    @Override
    public List<String> clearLogs(Duration timeout) {
        return request(Topics.REQUEST_CLEAR_LOGS, ClearLogsCodec.encodeRequest(), onlineNodes().size(), timeout).stream()
                .flatMap(reply -> FleetMessages.reply("clear-logs", reply, ClearLogsCodec::decodeReply).stream())
                .map(ClearLogsReply::node).sorted().toList();
    }

    @Override
    public Optional<Inspection> inspect(String neuron, Duration timeout) {
        List<byte[]> replies = request(Topics.REQUEST_INSPECT,
                InspectCodec.encodeRequest(new InspectRequest(neuron)), 1, timeout);
        return replies.stream().flatMap(reply -> FleetMessages.reply("inspect", reply, InspectCodec::decodeReply)
                .stream()).findFirst();
    }

    @Override
    public Optional<String> gpioSet(String node, int pin, boolean high, Duration timeout) {
        // Idempotent (a pin set twice to a level is at that level), so sent again if n comes online meanwhile.
        List<byte[]> replies = requester.request(Topics.gpioSetRequest(node),
                GpioSetCodec.encodeRequest(new GpioSetRequest(pin, PinLevel.of(high))), 1, timeout, Optional.of(node));
        if (replies.isEmpty()) {
            return Optional.of("no answer from node " + node + " within " + Timeouts.text(timeout) + "; is it online?");
        }
        return FleetMessages.reply("gpio-set", replies.get(0), GpioSetCodec::decodeReply).map(GpioSetReply::error)
                .orElse(Optional.of("node " + node + " sent a reply this client cannot read; see the debug log"));
    }

    @Override
    public void watchOutputs(Consumer<OutputEvent> consumer) {
        link.subscribe(Subscription.of(Topics.ALL_OUTPUTS), message ->
                FleetMessages.output(message.topic(), message.payload(), message.retained()).ifPresent(consumer));
    }

    @Override
    public void watchGpio(Consumer<PinEvent> consumer) {
        link.subscribe(Subscription.of(Topics.NODES_PREFIX + "+/gpio/+"), message ->
                FleetMessages.pin(message.topic(), message.payload()).ifPresent(consumer));
    }

    @Override
    public void watchNeurons(Consumer<FleetClient.NeuronMessage> consumer) {
        link.subscribe(Subscription.of(Topics.INPUT_PREFIX + "#"), message ->
                FleetMessages.neuron(message.topic(), message.payload(), message.retained()).ifPresent(consumer));
    }

    @Override
    public void close() {
        link.close();
    }
}
