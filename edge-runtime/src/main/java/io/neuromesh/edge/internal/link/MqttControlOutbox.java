package io.neuromesh.edge.internal.link;

import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.hosting.ApplyResult;
import io.neuromesh.edge.internal.port.ControlOutbox;
import io.neuromesh.edge.internal.presence.Presence;
import io.neuromesh.edge.wire.TopologyResultCodec;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.OutboundMessage;
import io.neuromesh.mqtt.Qos;

import java.time.Instant;

/** The brain's control-plane messages on the runtime's link; the status goes through {@link Presence}. */
public final class MqttControlOutbox implements ControlOutbox {

    private final MqttLink link;
    private final String node;
    private final Presence presence;

    public MqttControlOutbox(MqttLink link, String node, Presence presence) {
        this.link = link;
        this.node = node;
        this.presence = presence;
    }

    @Override
    public void status(StatusView view) {
        presence.status(view);
    }

    @Override
    public void topologyResult(ApplyResult result) {
        link.publish(Topics.nodeTopology(node), TopologyResultCodec.encode(result.at(Instant.now())), Qos.AT_LEAST_ONCE, true);
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
