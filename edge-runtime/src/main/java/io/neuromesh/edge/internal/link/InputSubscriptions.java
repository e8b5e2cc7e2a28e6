package io.neuromesh.edge.internal.link;

import io.neuromesh.edge.Topics;
import io.neuromesh.mqtt.MessageHandler;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;
import org.tinylog.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The subscriptions that bring this node's neurons their inputs on {@code neuron/<id>}: one exact filter per hosted
 * neuron, so that the broker sends a node only its own neurons' inputs. When the node hosts every neuron of its
 * topology (a fleet of one, or its peers are down), one wildcard {@code neuron/+} replaces them: it brings nothing the
 * node does not need, and the broker keeps one subscription instead of up to 100,000 (Mosquitto 2.0.11 adds a
 * client's subscription in time linear in those it already has, so 100,000 cost it seconds; HiveMQ CE about as much).
 * Switching subscribes the new filters before it drops the old ones, so no input falls in between (on Mosquitto an
 * input published during the switch may arrive twice). A broker that refuses the wildcard (an ACL) keeps the exact
 * filters. Filters go in chunks. Brain thread only.
 */
final class InputSubscriptions {

    /** Every neuron's input topic, and only those ({@code neuron/<id>/output} has one more level). */
    static final String ALL = Topics.INPUT_PREFIX + "+";
    /** Filters per subscribe call: a fraction of a second of broker work each. */
    static final int CHUNK = 10_000;

    private final MqttLink link;
    private final String node;
    private final Executor executor;
    private final MessageHandler handler;
    private final Set<String> exact = new HashSet<>();
    private boolean wildcard;
    private boolean wildcardRefused;

    /** @param executor where the handler runs */
    InputSubscriptions(MqttLink link, String node, Executor executor, MessageHandler handler) {
        this.link = link;
        this.node = node;
        this.executor = executor;
        this.handler = handler;
    }

    /** Makes the subscriptions match {@code hosted}, of a topology of {@code topologyNeurons} neurons. */
    void follow(Set<String> hosted, int topologyNeurons) {
        boolean all = !hosted.isEmpty() && hosted.size() == topologyNeurons && !wildcardRefused;
        if (all && !wildcard) {
            try {
                // No-local, like the exact filters: inputs this runtime publishes to its own neurons were already
                // delivered in-process.
                link.subscribe(List.of(new Subscription(ALL, Qos.AT_LEAST_ONCE, true)), executor, handler);
                wildcard = true;
            } catch (MqttLinkException e) {
                wildcardRefused = true;
                all = false;
                Logger.warn("node {}: the broker refused the subscription {} ({}); one subscription per neuron instead",
                        node, ALL, e.getMessage());
            }
        }
        if (all) {
            drop(new ArrayList<>(exact));
            return;
        }
        List<String> added = new ArrayList<>();
        for (String neuron : hosted) {
            if (!exact.contains(neuron)) {
                added.add(neuron);
            }
        }
        List<String> removed = new ArrayList<>();
        for (String neuron : exact) {
            if (!hosted.contains(neuron)) {
                removed.add(neuron);
            }
        }
        for (int from = 0; from < added.size(); from += CHUNK) {
            List<String> chunk = added.subList(from, Math.min(added.size(), from + CHUNK));
            link.subscribe(chunk.stream().map(n -> new Subscription(Topics.input(n), Qos.AT_LEAST_ONCE, true))
                    .toList(), executor, handler);
            exact.addAll(chunk);
        }
        drop(removed);
        if (wildcard) {
            link.unsubscribe(List.of(ALL));
            wildcard = false;
        }
    }

    /** Whether the wildcard stands in for the exact filters now. */
    boolean wildcard() {
        return wildcard;
    }

    /** How many exact filters are subscribed now. */
    int exactFilters() {
        return exact.size();
    }

    private void drop(List<String> neurons) {
        for (int from = 0; from < neurons.size(); from += CHUNK) {
            List<String> chunk = neurons.subList(from, Math.min(neurons.size(), from + CHUNK));
            link.unsubscribe(chunk.stream().map(Topics::input).toList());
            chunk.forEach(exact::remove);
        }
    }
}
