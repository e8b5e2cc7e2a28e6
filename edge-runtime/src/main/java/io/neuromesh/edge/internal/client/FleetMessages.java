package io.neuromesh.edge.internal.client;

import io.neuromesh.edge.FleetClient;
import io.neuromesh.edge.FleetClient.FleetEvent;
import io.neuromesh.edge.FleetClient.OutputEvent;
import io.neuromesh.edge.FleetClient.PinEvent;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.LogsReply;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.NodeStatusCodec;
import io.neuromesh.edge.wire.Output;
import io.neuromesh.edge.wire.OutputCodec;
import io.neuromesh.edge.wire.PinStateCodec;
import io.neuromesh.edge.wire.TopologyResult;
import io.neuromesh.edge.wire.TopologyResultCodec;
import io.neuromesh.edge.wire.WireFormatException;
import org.tinylog.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the fleet client makes of each message it receives, through the wire codecs. A message that is not valid is
 * skipped with a debug line naming its topic and what is wrong: an operator's view must survive one bad node.
 */
final class FleetMessages {

    private FleetMessages() {
    }

    /**
     * A status from {@code neuromesh/nodes/<node>/status}, a compact heartbeat merged into the status held of that
     * node; empty when cleared, invalid, or about another node.
     *
     * @param held the node's status read last, or null
     */
    static Optional<NodeStatus> status(String topic, byte[] payload, NodeStatus held) {
        String node = Topics.nodeOf(topic);
        if (node == null || payload.length == 0) {
            return Optional.empty();
        }
        try {
            NodeStatus status = NodeStatusCodec.decode(payload, held);
            if (status.node().equals(node)) {
                return Optional.of(status);
            }
            Logger.debug("ignoring the status on {}: it is node {}'s", topic, status.node());
        } catch (WireFormatException e) {
            Logger.debug("ignoring the status on {}: {}", topic, e.getMessage());
        }
        return Optional.empty();
    }

    /** A result from {@code neuromesh/nodes/<node>/topology}; empty when cleared or invalid. */
    static Optional<TopologyResult> topologyResult(String topic, byte[] payload) {
        if (Topics.nodeOf(topic) == null || payload.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(TopologyResultCodec.decode(payload));
        } catch (WireFormatException e) {
            Logger.debug("ignoring the topology result on {}: {}", topic, e.getMessage());
            return Optional.empty();
        }
    }

    /** An output from {@code neuron/<id>/output}; empty when cleared or invalid. */
    /** @return the message of a neuron topic ({@code neuron/<id>}, {@code .../output}, {@code .../state}) */
    static Optional<FleetClient.NeuronMessage> neuron(String topic, byte[] payload, boolean retained) {
        String rest = topic.startsWith(Topics.INPUT_PREFIX) ? topic.substring(Topics.INPUT_PREFIX.length()) : "";
        int slash = rest.indexOf('/');
        String neuron = slash < 0 ? rest : rest.substring(0, slash);
        FleetClient.NeuronTopic kind = switch (slash < 0 ? "" : rest.substring(slash)) {
            case "" -> FleetClient.NeuronTopic.INPUT;
            case Topics.OUTPUT_SUFFIX -> FleetClient.NeuronTopic.OUTPUT;
            case Topics.STATE_SUFFIX -> FleetClient.NeuronTopic.STATE;
            default -> null;
        };
        return kind == null || neuron.isEmpty() ? Optional.empty()
                : Optional.of(new FleetClient.NeuronMessage(neuron, kind, payload, retained, Instant.now()));
    }

    static Optional<OutputEvent> output(String topic, byte[] payload, boolean retained) {
        String neuron = Topics.neuronOf(topic);
        if (neuron == null || payload.length == 0) {
            return Optional.empty();
        }
        try {
            Output output = OutputCodec.decode(payload);
            return Optional.of(new OutputEvent(neuron, output.value(), output.timestamp(), output.node(), retained,
                    output.tick()));
        } catch (WireFormatException e) {
            Logger.debug("ignoring the output on {}: {}", topic, e.getMessage());
            return Optional.empty();
        }
    }

    /** A pin from {@code neuromesh/nodes/<node>/gpio/<pin>}: an empty payload is a closed pin; empty when invalid. */
    static Optional<PinEvent> pin(String topic, byte[] payload) {
        String node = Topics.nodeOf(topic);
        String pinText = topic.substring(topic.lastIndexOf('/') + 1);
        if (node == null || !pinText.matches("\\d{1,9}")) {
            return Optional.empty();
        }
        int pin = Integer.parseInt(pinText);
        if (payload.length == 0) {
            return Optional.of(new PinEvent(node, pin, Optional.empty()));
        }
        try {
            return Optional.of(new PinEvent(node, pin, Optional.of(PinStateCodec.decode(payload))));
        } catch (WireFormatException e) {
            Logger.debug("ignoring the pin state on {}: {}", topic, e.getMessage());
            return Optional.empty();
        }
    }

    /** One of the wire codecs' decode methods. */
    @FunctionalInterface
    interface Decoder<T> {
        T decode(byte[] payload) throws WireFormatException;
    }

    /** A reply to a request, through its codec; empty (with a debug line) when it is not valid. */
    static <T> Optional<T> reply(String request, byte[] payload, Decoder<T> codec) {
        try {
            return Optional.of(codec.decode(payload));
        } catch (WireFormatException e) {
            Logger.debug("ignoring a reply to the {} request: {}", request, e.getMessage());
            return Optional.empty();
        }
    }

    /** The events of one node's answer to a logs request, as fleet events. */
    static List<FleetEvent> events(LogsReply reply) {
        return reply.events().stream()
                .map(e -> new FleetEvent(e.at(), reply.node(), e.neuron(), e.kind(), e.text())).toList();
    }
}
