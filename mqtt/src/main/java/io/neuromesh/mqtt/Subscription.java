package io.neuromesh.mqtt;

import io.neuromesh.mqtt.internal.TopicFilters;

/**
 * One MQTT subscription: a topic filter (wildcards and {@code $share/<group>/} allowed), the maximum QoS the
 * subscriber accepts, and MQTT 5's no-local flag (do not deliver this client's own publishes back to it).
 *
 * @param filter  the topic filter, e.g. {@code neuron/h1}, {@code neuron/+/output}, {@code $share/workers/tasks/q}
 * @param qos     the maximum QoS of deliveries
 * @param noLocal true to skip messages this same connection published
 * @since 0.1
 */
public record Subscription(String filter, Qos qos, boolean noLocal) {

    public Subscription {
        TopicFilters.requireValidFilter(filter);
        if (qos == null) {
            throw new IllegalArgumentException("qos: must not be null");
        }
        if (noLocal && TopicFilters.isShared(filter)) {
            // MQTT 5 3.8.3.1: no-local on a shared subscription is a protocol error.
            throw new IllegalArgumentException("noLocal: not allowed on the shared subscription '" + filter + "'");
        }
    }

    /** A subscription at QoS 1 without no-local. */
    public static Subscription of(String filter) {
        return new Subscription(filter, Qos.AT_LEAST_ONCE, false);
    }

    /** A subscription with the given QoS, without no-local. */
    public static Subscription of(String filter, Qos qos) {
        return new Subscription(filter, qos, false);
    }
}
