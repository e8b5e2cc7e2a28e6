package io.neuromesh.edge.internal.link;

import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.hosting.ApplyResult;
import io.neuromesh.edge.internal.port.ControlOutbox;
import io.neuromesh.edge.internal.presence.Presence;
import io.neuromesh.edge.wire.AppliedHistory;
import io.neuromesh.edge.wire.AppliedHistoryCodec;
import io.neuromesh.edge.wire.TopologyResultCodec;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.OutboundMessage;
import io.neuromesh.mqtt.Qos;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The brain's control-plane messages on the runtime's link; the status goes through {@link Presence}. */
public final class MqttControlOutbox implements ControlOutbox {

    private final MqttLink link;
    private final String node;
    private final Presence presence;
    private final RetainedReader reader;

    public MqttControlOutbox(MqttLink link, String node, Presence presence, RetainedReader reader) {
        this.link = link;
        this.node = node;
        this.presence = presence;
        this.reader = reader;
    }

    @Override
    public void status(StatusView view) {
        presence.status(view);
    }

    @Override
    public void topologyResult(ApplyResult result) {
        // After the status: a client that counts this node done on its result then reads its status at that rev.
        byte[] payload = TopologyResultCodec.encode(result.at(Instant.now()));
        presence.afterStatus(() -> link.publish(Topics.nodeTopology(node), payload, Qos.AT_LEAST_ONCE, true));
    }

    @Override
    public Optional<byte[]> readRetained(String topic) {
        return Optional.ofNullable(reader.read(Set.of(topic)).get(topic));
    }

    @Override
    public void recordApplied(long rev, byte[] document, AppliedHistory history, List<Long> dropped) {
        // One link, QoS 1: the broker receives these in the order they are published.
        link.publish(Topics.topologyRevision(rev), document, Qos.AT_LEAST_ONCE, true);
        link.publish(Topics.TOPOLOGY_HISTORY, AppliedHistoryCodec.encode(history), Qos.AT_LEAST_ONCE, true);
        for (long old : dropped) {
            link.publish(Topics.topologyRevision(old), new byte[0], Qos.AT_LEAST_ONCE, true);
        }
    }

    @Override
    public void reply(String responseTopic, byte[] correlationData, byte[] payload) {
        link.publish(OutboundMessage.of(responseTopic, payload, Qos.AT_LEAST_ONCE, false)
                .withResponse(null, correlationData));
    }

    /** A pin's retained state for watchers; an empty payload clears it (the pin was closed). */
    public void pinState(int pin, byte[] payload) {
        link.publish(Topics.nodeGpio(node, pin), payload, Qos.AT_LEAST_ONCE, true);
    }
}
