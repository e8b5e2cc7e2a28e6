package io.neuromesh.edge.internal.brain;

import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.hosting.ApplyResult;
import io.neuromesh.edge.internal.hosting.Hosting;
import io.neuromesh.edge.internal.port.ControlOutbox;
import io.neuromesh.edge.internal.port.HostingWatch;
import io.neuromesh.edge.internal.port.NeuronOutbox;
import io.neuromesh.edge.internal.port.RetainedQuery;
import io.neuromesh.edge.internal.port.Peers;
import io.neuromesh.edge.internal.port.PinControl;
import io.neuromesh.edge.internal.port.Scheduler;
import io.neuromesh.edge.internal.port.TopologyStore;
import io.neuromesh.edge.internal.signal.NeuronInboxes;
import io.neuromesh.edge.internal.stats.Counters;
import io.neuromesh.edge.internal.truth.RetainedTopology;
import io.neuromesh.edge.wire.AppliedHistory;
import io.neuromesh.edge.wire.AppliedHistoryCodec;
import io.neuromesh.gpio.DigitalInputPin;
import io.neuromesh.mqtt.InboundMessage;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.topology.SensorSpec;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyVersion;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * One brain without a broker: its ports record what it does (as readable lines, in order), the clock and the
 * scheduler are manual, and events are handled one at a time as the brain thread would.
 */
final class BrainHarness implements NeuronOutbox, ControlOutbox, PinControl, Scheduler, Peers, TopologyStore {

    static final Duration HANDOVER = Duration.ofSeconds(5);

    private record Timer(long dueMicros, long seq, Runnable task) {
    }

    final String node;
    final Counters counters = new Counters();
    final List<String> log = new ArrayList<>();
    /** Calls that waited for work done elsewhere (which the brain's watchdog counts as progress). */
    int awaitedElsewhere;
    /** The neurons whose inputs the runtime receives, as the last {@link #inputs} call said. */
    private final Set<String> inputs = new HashSet<>();
    /** Subscriptions changed but not yet awaited: the brain must not read retained state or subscribe again. */
    private boolean subscribing;
    final List<ApplyResult> results = new ArrayList<>();
    final List<StatusView> statuses = new ArrayList<>();
    final List<byte[]> replies = new ArrayList<>();
    /** The fleet's retained messages as the broker would answer a restore. */
    final Map<String, byte[]> retained = new HashMap<>();
    /** Neurons that another online node reports hosting. */
    final Set<String> elsewhere = new HashSet<>();
    /** What each online peer reports running. */
    final Map<String, TopologyVersion> peerRunning = new HashMap<>();
    /** The node's local copy (its state folder); null when none is saved. */
    byte[] saved;
    /** Each applied history this node recorded, in order. */
    final List<AppliedHistory> recorded = new ArrayList<>();
    /** Runs while the retained state is read, e.g. an input arriving during a restore. */
    Runnable duringFetch = () -> {
    };
    final Map<String, Double> sensorValues = new HashMap<>();
    private final ArrayDeque<BrainEvent> events = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            (a, b) -> a.dueMicros != b.dueMicros ? Long.compare(a.dueMicros, b.dueMicros) : Long.compare(a.seq, b.seq));
    private long seq;
    long nowMicros = 1_700_000_000_000_000L;
    final NeuronInboxes inboxes;
    final Brain brain;
    private Topology topology;

    BrainHarness(String node) {
        this.node = node;
        this.inboxes = new NeuronInboxes(100, inbox -> events.add(new BrainEvent.InputsWaiting(inbox)),
                counters);
        this.brain = new Brain(new Hosting.Settings(node, 32, HANDOVER),
                new Brain.Ports(() -> nowMicros, this, this, this, this, this, this, HostingWatch.NONE), counters, inboxes);
    }

    // ---- driving ------------------------------------------------------------------------------------------------

    /** Posts an event and runs the brain until nothing is due. */
    void post(BrainEvent event) {
        events.add(event);
        settle();
    }

    void topology(String json) {
        post(new BrainEvent.TopologyArrived(RetainedTopology.of(json.getBytes(StandardCharsets.UTF_8))));
    }

    void online(String... nodes) {
        post(new BrainEvent.MembershipChanged(new TreeSet<>(List.of(nodes))));
    }

    /** An input on {@code neuron/<to>} as the MQTT callback hands it to the inboxes. */
    void input(String to, String json) {
        inboxes.offer(message(Topics.input(to), json, null));
        settle();
    }

    static InboundMessage message(String topic, String json, String responseTopic) {
        return new InboundMessage(topic, json.getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, false, 0,
                responseTopic, responseTopic == null ? null : new byte[] {7}, Map.of());
    }

    void advance(Duration d) {
        nowMicros += d.toNanos() / 1000;
        settle();
    }

    /** Handles posted events and due timers in order, as the brain thread would. */
    void settle() {
        while (true) {
            if (!events.isEmpty()) {
                brain.handle(events.poll());
            } else if (!timers.isEmpty() && timers.peek().dueMicros <= nowMicros) {
                timers.poll().task.run();
            } else {
                return;
            }
        }
    }

    /** Log lines that start with {@code prefix}. */
    List<String> lines(String prefix) {
        return log.stream().filter(l -> l.startsWith(prefix)).toList();
    }

    StatusView lastStatus() {
        return statuses.get(statuses.size() - 1);
    }

    ApplyResult lastResult() {
        return results.get(results.size() - 1);
    }

    Set<String> hosted() {
        return brain.hostedIds();
    }

    // ---- ports --------------------------------------------------------------------------------------------------

    @Override
    public void schedule(Runnable task, long delayMicros) {
        timers.add(new Timer(nowMicros + Math.max(0, delayMicros), seq++, task));
    }

    @Override
    public <T> T awaitElsewhere(Supplier<T> call) {
        awaitedElsewhere++;
        return call.get();
    }

    @Override
    public void output(String neuron, int value, long epochMillis) {
        log.add("output " + neuron + "=" + value);
    }

    @Override
    public boolean tryRestingOutput(String neuron, long epochMillis, boolean retained) {
        if (retained) {
            output(neuron, 0, epochMillis);
        } else {
            log.add("live output " + neuron + "=0");
        }
        return true;
    }

    @Override
    public void input(String toNeuron, byte[] payload) {
        log.add("input " + toNeuron + " " + new String(payload, StandardCharsets.UTF_8));
    }

    @Override
    public void state(String neuron, Map<String, Double> sensors) {
        log.add("state " + neuron + " " + sensors);
    }

    /** Logs what {@link #inputs} changed, as the subscriptions and unsubscriptions a link would make. */
    @Override
    public Pending inputs(Set<String> hosted, int topologyNeurons) {
        if (subscribing) {
            throw new AssertionError("subscriptions changed again before the last change was awaited");
        }
        SortedSet<String> gone = new TreeSet<>(inputs);
        gone.removeAll(hosted);
        SortedSet<String> added = new TreeSet<>(hosted);
        added.removeAll(inputs);
        if (!gone.isEmpty()) {
            log.add("unsubscribe " + gone);
        }
        if (!added.isEmpty()) {
            log.add("subscribe " + added);
        }
        inputs.clear();
        inputs.addAll(hosted);
        subscribing = true;
        return () -> subscribing = false;
    }

    @Override
    public void subscribeOutputs(Collection<String> neurons) {
        log.add("follow " + new TreeSet<>(neurons));
    }

    @Override
    public void unsubscribeOutputs(Collection<String> neurons) {
        log.add("unfollow " + new TreeSet<>(neurons));
    }

    @Override
    public RetainedRead fetchRetained(Pending after, RetainedQuery query) {
        // Read when the brain awaits it: by then it must have awaited the subscriptions the read follows.
        return () -> {
            if (subscribing) {
                throw new AssertionError("retained state read before the broker acknowledged the subscriptions");
            }
            log.add("fetch " + new TreeSet<>(query.topics()));
            duringFetch.run();
            Map<String, byte[]> found = new HashMap<>();
            query.topics().forEach(t -> {
                if (retained.containsKey(t)) {
                    found.put(t, retained.get(t));
                }
            });
            return found;
        };
    }

    @Override
    public void status(StatusView view) {
        statuses.add(view);
        log.add("status " + view.neurons());
    }

    @Override
    public void topologyResult(ApplyResult result) {
        results.add(result);
        log.add("result " + result.result().name().toLowerCase() + " " + result.rev());
    }

    @Override
    public Optional<byte[]> readRetained(String topic) {
        log.add("read " + topic);
        return Optional.ofNullable(retained.get(topic));
    }

    @Override
    public void recordApplied(long rev, byte[] document, AppliedHistory history, List<Long> dropped) {
        recorded.add(history);
        retained.put(Topics.topologyRevision(rev), document);
        retained.put(Topics.TOPOLOGY_HISTORY, AppliedHistoryCodec.encode(history));
        dropped.forEach(old -> retained.remove(Topics.topologyRevision(old)));
        log.add("record rev " + rev + (dropped.isEmpty() ? "" : " dropping " + dropped));
    }

    @Override
    public boolean hostedElsewhere(String neuron) {
        return elsewhere.contains(neuron);
    }

    @Override
    public Map<String, TopologyVersion> running() {
        return Map.copyOf(peerRunning);
    }

    @Override
    public Optional<byte[]> load() {
        return Optional.ofNullable(saved);
    }

    @Override
    public void save(byte[] document) {
        saved = document.clone();
    }

    @Override
    public void reply(String responseTopic, byte[] correlationData, byte[] payload) {
        replies.add(payload);
        log.add("reply " + responseTopic);
    }

    /** GPIO without pins: this node's declared sensors "open" at the values in {@link #sensorValues}. */
    @Override
    public Reconciled reconcile(Topology next) {
        List<Reading> opened = new ArrayList<>();
        for (SensorSpec s : next.sensors()) {
            boolean known = topology != null && topology.sensors().stream().anyMatch(o -> o.id().equals(s.id()));
            if (!s.isVirtual() && s.gpio().node().equals(node) && !known) {
                opened.add(new Reading(s, sensorValues.getOrDefault(s.id(), 0.0)));
            }
        }
        Set<String> followed = new LinkedHashSet<>();
        next.actuators().stream().filter(a -> a.node().equals(node)).forEach(a -> followed.add(a.neuron()));
        topology = next;
        log.add("reconcile rev " + next.rev());
        return new Reconciled(List.of(), opened, followed);
    }

    @Override
    public Optional<Reading> edge(String sensor, DigitalInputPin pin, boolean active) {
        return topology.sensors().stream().filter(s -> s.id().equals(sensor)).findFirst()
                .map(s -> new Reading(s, active ? s.value().high() : s.value().low()));
    }

    @Override
    public void neuronOutput(String neuron, int value) {
        log.add("actuate " + neuron + "=" + value);
    }

    @Override
    public void brokerLost() {
        log.add("broker lost");
    }

    @Override
    public void brokerBack() {
        log.add("broker back");
    }

    @Override
    public Optional<String> simulate(int pin, boolean high) {
        log.add("simulate " + pin + "=" + high);
        return Optional.empty();
    }

    @Override
    public void close() {
        log.add("pins closed");
    }

    /** Where the log is now, to read what the next steps add with {@link #since(int)}. */
    int mark() {
        return log.size();
    }

    List<String> since(int mark) {
        return List.copyOf(log.subList(mark, log.size()));
    }
}
