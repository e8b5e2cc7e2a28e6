package io.neuromesh.edge.internal.discovery;

import io.neuromesh.edge.HomeAssistant;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.brain.BrainEvent;
import io.neuromesh.edge.internal.discovery.HaEntities.Entity;
import io.neuromesh.edge.internal.discovery.HaEntities.Kind;
import io.neuromesh.edge.internal.port.HostingWatch;
import io.neuromesh.edge.internal.port.Peers;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyIndex;
import org.tinylog.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * Home Assistant MQTT discovery for one node: announces (retained) the entities of what the node runs
 * ({@link HaEntities}), clears with an empty retained config each entity that leaves and that no other node announces
 * now (a neuron that moved to a peer is overwritten there, not cleared), re-announces everything when Home Assistant
 * publishes its birth message, and relays each announced virtual sensor's switch commands to the brain. Brain thread,
 * except {@link #start()}.
 */
public final class HaDiscovery implements HostingWatch {

    private static final byte[] CLEARED = new byte[0];
    /** Relayed payloads go straight from Paho's callback thread to the brain's queue: no blocking there. */
    private static final Executor CALLBACK_THREAD = Runnable::run;

    private final String node;
    private final HaEntities entities;
    private final MqttLink link;
    private final Peers peers;
    private final Consumer<BrainEvent> brain;
    private Map<String, Entity> announced = Map.of();
    private final Set<String> relayed = new HashSet<>();
    private TopologyIndex lastIndex;
    private SortedSet<String> lastHosted = Collections.emptySortedSet();

    /** @param brain posts to the brain thread (a re-announcement, a switched sensor) */
    public HaDiscovery(String node, HomeAssistant settings, MqttLink link, Peers peers, Consumer<BrainEvent> brain) {
        this.node = node;
        this.entities = new HaEntities(node, settings);
        this.link = link;
        this.peers = peers;
        this.brain = brain;
    }

    /** Listens for Home Assistant's birth message; call before the link starts, like the runtime's subscriptions. */
    public void start() {
        link.subscribe(List.of(Subscription.of(entities.birthTopic())), CALLBACK_THREAD, m -> {
            if ("online".equals(new String(m.payload(), StandardCharsets.UTF_8).trim())) {
                brain.accept(new BrainEvent.Query(new FutureTask<>(this::reannounce, null)));
            }
        });
    }

    @Override
    public void hosting(Optional<TopologyIndex> running, SortedSet<String> hosted) {
        if (running.isEmpty() || (running.get() == lastIndex && hosted.equals(lastHosted))) {
            return;
        }
        TopologyIndex index = running.get();
        lastIndex = index;
        lastHosted = hosted;
        Map<String, Entity> wanted = entities.of(index, hosted);
        List<String> left = announced.keySet().stream().filter(topic -> !wanted.containsKey(topic)).toList();
        if (!left.isEmpty()) {
            Set<String> elsewhere = announcedElsewhere(index);
            for (String topic : left) {
                if (!elsewhere.contains(topic)) {
                    publish(topic, CLEARED);
                }
            }
        }
        int sent = 0;
        for (Map.Entry<String, Entity> e : wanted.entrySet()) {
            Entity before = announced.get(e.getKey());
            if (before == null || !before.payload().equals(e.getValue().payload())) {
                publish(e.getKey(), e.getValue().payload().getBytes(StandardCharsets.UTF_8));
                sent++;
            }
        }
        relay(wanted);
        announced = wanted;
        if (sent > 0 || !left.isEmpty()) {
            Logger.info("node {}: Home Assistant discovery: {} entit(ies) announced, {} left", node, wanted.size(),
                    left.size());
        }
    }

    /** Home Assistant (re)started: it forgot nothing retained, but a broker without persistence may have. */
    private void reannounce() {
        announced.forEach((topic, e) -> publish(topic, e.payload().getBytes(StandardCharsets.UTF_8)));
        Logger.info("node {}: Home Assistant is online; {} entit(ies) announced again", node, announced.size());
    }

    /**
     * The config topics other online nodes announce now: those of the neurons they report hosting, and of actuators
     * the topology puts on another node. Such a config was overwritten by its new host, so clearing it would remove it.
     */
    private Set<String> announcedElsewhere(TopologyIndex index) {
        Topology topology = index.topology();
        SortedSet<String> theirs = new TreeSet<>();
        for (NeuronSpec neuron : topology.neurons()) {
            if (peers.hostedElsewhere(neuron.id())) {
                theirs.add(neuron.id());
            }
        }
        Set<String> topics = new HashSet<>(entities.of(index, theirs).keySet());
        topology.actuators().stream().filter(a -> !a.node().equals(node))
                .forEach(a -> topics.add(entities.topic("binary_sensor", a.id())));
        return topics;
    }

    /** Follows the command topics of the switches announced here, and only those. */
    private void relay(Map<String, Entity> wanted) {
        Set<String> sensors = new HashSet<>();
        wanted.values().stream().filter(e -> e.kind() == Kind.SENSOR).forEach(e -> sensors.add(e.id()));
        List<String> stop = relayed.stream().filter(s -> !sensors.contains(s)).map(Topics::sensorSet).toList();
        List<Subscription> start = new ArrayList<>();
        sensors.stream().filter(s -> !relayed.contains(s)).forEach(s -> start.add(Subscription.of(Topics.sensorSet(s))));
        if (!stop.isEmpty()) {
            link.unsubscribe(stop);
        }
        if (!start.isEmpty()) {
            link.subscribe(start, CALLBACK_THREAD, m -> parse(m.topic(), m.payload()).ifPresent(brain));
        }
        relayed.clear();
        relayed.addAll(sensors);
    }

    /** Callback thread: a switch command as a sensor value, or a warning naming the topic and what it accepts. */
    private Optional<BrainEvent> parse(String topic, byte[] payload) {
        String sensor = topic.substring("neuromesh/sensors/".length(), topic.length() - "/set".length());
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        double value;
        switch (text.toUpperCase(java.util.Locale.ROOT)) {
            case "ON" -> value = 1;
            case "OFF" -> value = 0;
            default -> {
                try {
                    value = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    value = Double.NaN;
                }
            }
        }
        if (!Double.isFinite(value)) {
            Logger.warn("node {}: {}: expected 1, 0, ON, OFF or a number, got \"{}\"; ignored", node, topic, text);
            return Optional.empty();
        }
        return Optional.of(new BrainEvent.VirtualSensorSet(sensor, value));
    }

    private void publish(String topic, byte[] payload) {
        link.publish(topic, payload, Qos.AT_LEAST_ONCE, true);
    }
}
