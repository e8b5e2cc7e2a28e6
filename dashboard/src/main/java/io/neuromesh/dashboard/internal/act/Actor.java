package io.neuromesh.dashboard.internal.act;

import io.neuromesh.dashboard.internal.server.ApiError;
import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.MqttLinkException;
import io.neuromesh.mqtt.OutboundMessage;
import io.neuromesh.mqtt.PublishRefusedException;
import io.neuromesh.mqtt.Qos;

import java.time.Duration;
import java.util.Objects;

/**
 * Who publishes an action (toggle, fire, apply, rollback), through whose broker connection: on an open broker the
 * dashboard's own, on a broker with users the logged-in visitor's. Each publish waits for the broker's PUBACK, so that
 * the broker's ACL is what allows it or not: its refusal comes back as an {@link ApiError}.
 *
 * @param who     how the page names the actor, e.g. {@code user 'eve'}
 * @param link    the connection to publish with (owned by whoever made the actor)
 * @param timeout how long to wait for the broker's acknowledgement
 */
public record Actor(String who, MqttLink link, Duration timeout) {

    /** PUBACK reason code of a publish the broker's ACL refused. */
    private static final int NOT_AUTHORIZED = 0x87;

    public Actor {
        Objects.requireNonNull(who, "who: must not be null");
        Objects.requireNonNull(link, "link: must not be null");
        Objects.requireNonNull(timeout, "timeout: must not be null");
    }

    /**
     * Publishes at QoS 1 and waits for the broker's acknowledgement. Blocks the calling (HTTP) thread.
     *
     * @throws ApiError 403 when the broker's ACL refuses it, 409 when the broker refuses it for another reason (the
     *                  embedded broker's topology guard), 503 when the broker does not acknowledge it in time
     */
    public void publish(String topic, byte[] payload, boolean retained) {
        try {
            link.publishAcknowledged(OutboundMessage.of(topic, payload, Qos.AT_LEAST_ONCE, retained), timeout);
        } catch (PublishRefusedException e) {
            if (e.reasonCode() == NOT_AUTHORIZED) {
                throw new ApiError(403, who + " may not do this: " + e.getMessage()
                        + "; log in as an operator to act on the fleet");
            }
            throw new ApiError(409, e.getMessage());
        } catch (MqttLinkException e) {
            throw new ApiError(503, "the broker did not acknowledge the publish to " + topic + ": " + e.getMessage());
        }
    }
}
