package io.neuromesh.flows;

import io.neuromesh.topology.Ids;

/**
 * The MQTT topics of task flows (see {@code docs/flows.md} for the payloads).
 *
 * @since 0.1
 */
public final class FlowTopics {

    /** Prefix of queue topics: tasks published to {@code neuromesh/tasks/<queue>} go to one worker of the queue. */
    public static final String QUEUE_PREFIX = "neuromesh/tasks/";
    /** The shared-subscription group every worker joins for its queues. */
    public static final String SHARE_GROUP = "neuromesh";
    /** Filter of all worker heartbeats (retained). */
    public static final String STATUS_FILTER = "neuromesh/workers/+/status";
    /** Revocations, seen by every worker: {@code {"v":1,"ids":["..."]}}. */
    public static final String REVOKE = "neuromesh/revoke";

    private FlowTopics() {
    }

    /** {@code neuromesh/tasks/<queue>}: publish here to reach any one worker of the queue (MQTT 5 shared subscription). */
    public static String queue(String queue) {
        return QUEUE_PREFIX + Ids.require("queue", queue);
    }

    /** {@code $share/neuromesh/neuromesh/tasks/<queue>}: the filter workers subscribe to for a queue. */
    public static String sharedQueue(String queue) {
        return "$share/" + SHARE_GROUP + "/" + queue(queue);
    }

    /** {@code neuromesh/workers/<worker>/tasks}: only this worker subscribes. */
    public static String worker(String worker) {
        return "neuromesh/workers/" + Ids.require("worker", worker) + "/tasks";
    }

    /** {@code neuromesh/workers/<worker>/status}: the worker's retained heartbeat; its Last Will says offline. */
    public static String status(String worker) {
        return "neuromesh/workers/" + Ids.require("worker", worker) + "/status";
    }

    /** {@code neuromesh/replies/<client>}: the response topic a {@link FlowClient} gives its tasks. */
    public static String replies(String clientId) {
        return "neuromesh/replies/" + Ids.require("clientId", clientId);
    }

    /** The worker name in a status topic, or null if {@code topic} is not one. */
    public static String workerOfStatusTopic(String topic) {
        String prefix = "neuromesh/workers/";
        String suffix = "/status";
        if (!topic.startsWith(prefix) || !topic.endsWith(suffix) || topic.length() <= prefix.length() + suffix.length()) {
            return null;
        }
        String name = topic.substring(prefix.length(), topic.length() - suffix.length());
        return Ids.isValid(name) ? name : null;
    }
}
