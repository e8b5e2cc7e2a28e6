package io.neuromesh.mqtt.presence;

import io.neuromesh.mqtt.LinkConfig;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Will;
import io.neuromesh.mqtt.internal.TopicFilters;

import java.time.Duration;

/**
 * What one participant announces about itself: the topic of its retained status, the format, how often the status
 * is re-published, and the status its Last Will carries. Its {@link #will()} must be on the link's configuration
 * before the link is created ({@link #on(LinkConfig)}); then an {@link Announcer} publishes on that link.
 *
 * @param topic        the retained status topic, e.g. {@code neuromesh/workers/w1/status}
 * @param codec        writes (and, for watchers, reads) the status
 * @param heartbeat    interval between re-publishes of the status
 * @param heartbeatQos QoS of the periodic re-publishes (announcements on connect and changes always go at QoS 1)
 * @param lastWill     the status the broker publishes, retained, when the connection dies unannounced
 * @param <S>          the caller's status type
 * @since 0.1
 */
public record Announcement<S>(String topic, PresenceCodec<S> codec, Duration heartbeat, Qos heartbeatQos,
                              S lastWill) {

    public Announcement {
        TopicFilters.requireValidTopicName(topic);
        if (codec == null || heartbeatQos == null || lastWill == null) {
            throw new IllegalArgumentException("codec, heartbeatQos and lastWill: must not be null");
        }
        if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat: must be a positive duration, got " + heartbeat);
        }
    }

    /** An announcement whose heartbeats go at QoS 1. */
    public static <S> Announcement<S> of(String topic, PresenceCodec<S> codec, Duration heartbeat, S lastWill) {
        return new Announcement<>(topic, codec, heartbeat, Qos.AT_LEAST_ONCE, lastWill);
    }

    /** The Last Will: {@link #lastWill()} encoded, retained, at QoS 1, on {@link #topic()}. */
    public Will will() {
        return new Will(topic, codec.encode(lastWill), Qos.AT_LEAST_ONCE, true);
    }

    /** {@code config} with this announcement's {@link #will() Last Will}. */
    public LinkConfig on(LinkConfig config) {
        return config.withWill(will());
    }
}
