package io.neuromesh.broker.internal.extension.topology;

import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import io.neuromesh.broker.internal.extension.Payloads;
import org.tinylog.Logger;

/**
 * Puts the {@link TopologyGuard} in front of every client's publishes. Runs on HiveMQ's extension threads and only
 * parses the document (size-capped by the parser), so it never holds them up for long. A refused QoS 1/2 publish is
 * answered with the verdict's reason code and reason string; a refused QoS 0 publish is dropped, since MQTT has no
 * acknowledgement to carry the reason.
 */
public final class TopologyInterceptor implements PublishInboundInterceptor {

    private final TopologyGuard guard;

    public TopologyInterceptor(TopologyGuard guard) {
        this.guard = guard;
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        PublishPacket packet = input.getPublishPacket();
        if (!TopologyGuard.TOPIC.equals(packet.getTopic())) {
            return;
        }
        Verdict verdict = guard.check(Payloads.bytes(packet.getPayload()), packet.getRetain());
        if (verdict.allowed()) {
            return;
        }
        String client = input.getClientInformation().getClientId();
        if (packet.getQos() == Qos.AT_MOST_ONCE) {
            Logger.warn("Dropped a QoS 0 publish to {} from client {}: {}", TopologyGuard.TOPIC, client,
                    verdict.reason());
        } else {
            Logger.warn("Refused a publish to {} from client {} (reason code {}): {}", TopologyGuard.TOPIC, client,
                    verdict.reasonCode(), verdict.reason());
        }
        output.preventPublishDelivery(verdict.reasonCode(), verdict.reason());
    }
}
