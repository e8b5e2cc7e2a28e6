package io.neuromesh.edge.wire;

import com.google.gson.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one codec of {@link NodeStatus}, on {@code neuromesh/nodes/<node>/status} (retained). A live node:
 * <pre>{@code
 * {"v":1,"state":"online","node":"n1","instance":"3f2a","neurons":["x","y"],"rev":1,"hash":"1a26...",
 *  "ts":1767225600000,"since":1767225500000,"inputsPerSecond":12.0,"queue":0,"heapUsedMb":31,"heapMaxMb":6028,
 *  "malformed":0,"dropped":0}
 * }</pre>
 * An offline node (its Last Will, or its last word on a graceful stop):
 * <pre>{@code {"v":1,"state":"offline","node":"n1","neurons":[],"reason":"connection lost","ts":1767225600000}}</pre>
 * A live node adds {@code "topologyProblem":"..."} when it does not run the retained topology, and says
 * {@code "heartbeatMs":2000}, the longest it waits before its next status, {@code "offlineAfterMs":7000}, how long
 * peers set as it is let it be silent (older versions say neither), and
 * {@code "heartbeats":"compact"} when it sends compact heartbeats (a large hosted set; {@link HeartbeatForm}); a peer
 * republishing a Last Will adds {@code "reportedBy":"n2"} after {@code ts}.
 *
 * <p>A <em>compact heartbeat</em> ({@link #encodeHeartbeat}), published not retained between full statuses, has the
 * same fields as a live status but names the hosted set by its size and digest instead of listing it:
 * <pre>{@code
 * {"v":1,"state":"online","node":"n1","instance":"3f2a","neuronCount":2,"neuronsDigest":"09834d488008f5f1",
 *  "rev":1,"hash":"1a26...","ts":1767225601000,...}
 * }</pre>
 * A reader merges it into the last full status it holds of the node ({@link #decode(byte[], NodeStatus)}).
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class NodeStatusCodec {

    private static final String MESSAGE = "node status";

    private NodeStatusCodec() {
    }

    /**
     * The payload of {@code status}, fields in the order the runtime has always written them. A status whose hosted
     * set is not known ({@link NodeStatus#neuronsKnown()} false) lists the last set known.
     */
    public static byte[] encode(NodeStatus status) {
        JsonObject json = JsonMessage.start();
        json.addProperty("state", status.state().wireName());
        json.addProperty("node", status.node());
        if (status.running().isEmpty()) {
            json.add("neurons", JsonMessage.array(status.neurons()));
            json.addProperty("reason", status.reason().orElseThrow());
            json.addProperty("ts", status.timestamp().toEpochMilli());
            status.reportedBy().ifPresent(peer -> json.addProperty("reportedBy", peer));
            return JsonMessage.bytes(json);
        }
        return live(json, status, () -> json.add("neurons", JsonMessage.array(status.neurons())));
    }

    /**
     * The compact heartbeat of a live {@code status}: its fields with {@code "neuronCount"} and
     * {@code "neuronsDigest"} instead of {@code "neurons"} (a 100,000-neuron node: about 300 bytes instead of 1.3 MB).
     *
     * @throws IllegalArgumentException when {@code status} is offline or its hosted set is not known
     */
    public static byte[] encodeHeartbeat(NodeStatus status) {
        if (status.running().isEmpty() || !status.neuronsKnown()) {
            throw new IllegalArgumentException("a compact heartbeat is of a live status with a known hosted set, got "
                    + status.state().wireName() + (status.neuronsKnown() ? "" : " with an unknown hosted set"));
        }
        JsonObject json = JsonMessage.start();
        json.addProperty("state", status.state().wireName());
        json.addProperty("node", status.node());
        return live(json, status, () -> {
            json.addProperty("neuronCount", status.neurons().size());
            json.addProperty("neuronsDigest", CompactHeartbeat.digest(status.neurons()));
        });
    }

    /**
     * True when {@code now} differs from {@code retained} only in the liveness a heartbeat refreshes (time stamp,
     * load, counters, announced interval): then it may go as a compact heartbeat and leave {@code retained} as the
     * node's retained status. Any other change (hosted set, state, instance, rev, hash, topology problem) needs a full
     * status.
     */
    public static boolean onlyLivenessDiffers(NodeStatus retained, NodeStatus now) {
        return CompactHeartbeat.onlyLivenessDiffers(retained, now);
    }

    /** The fields of a live status after state and node; {@code hosted} writes the hosted set after the instance. */
    private static byte[] live(JsonObject json, NodeStatus status, Runnable hosted) {
        NodeStatus.Running running = status.running().orElseThrow();
        json.addProperty("instance", running.instance());
        hosted.run();
        json.addProperty("rev", running.rev());
        json.addProperty("hash", running.hash());
        json.addProperty("ts", status.timestamp().toEpochMilli());
        json.addProperty("since", running.since().toEpochMilli());
        json.addProperty("inputsPerSecond", running.inputsPerSecond());
        json.addProperty("queue", running.queue());
        json.addProperty("heapUsedMb", running.heapUsedMb());
        json.addProperty("heapMaxMb", running.heapMaxMb());
        json.addProperty("malformed", running.malformed());
        json.addProperty("dropped", running.dropped());
        running.topologyProblem().ifPresent(problem -> json.addProperty("topologyProblem", problem));
        running.heartbeat().ifPresent(beat -> json.addProperty("heartbeatMs", beat.toMillis()));
        running.offlineAfter().ifPresent(after -> json.addProperty("offlineAfterMs", after.toMillis()));
        // Additive: absent means full heartbeats, as from every node before compact ones existed.
        if (running.heartbeats() == HeartbeatForm.COMPACT) {
            json.addProperty("heartbeats", running.heartbeats().wireName());
        }
        return JsonMessage.bytes(json);
    }

    /**
     * Reads a full status payload (what is retained); a compact heartbeat is refused, since it does not say which
     * neurons the node hosts: read those with {@link #decode(byte[], NodeStatus)}.
     *
     * @throws WireFormatException when it is not a valid status (not JSON, a field missing or of the wrong type, a
     *                             newer version, a compact heartbeat); the message names the field
     */
    public static NodeStatus decode(byte[] payload) throws WireFormatException {
        return decode(JsonMessage.parse(MESSAGE, payload), null, false);
    }

    /**
     * Reads a full status or a compact heartbeat. A compact heartbeat is merged into {@code held}, the last status
     * the reader holds of that node (null when none): it takes the heartbeat's fields, and {@code held}'s hosted set
     * when the heartbeat's count and digest match it. Otherwise the reader missed a change (or the full status that
     * carries it is still on its way): the result has the last hosted set known (none when {@code held} is null or
     * offline) and {@link NodeStatus#neuronsKnown()} false, and the next full status sets it right.
     *
     * @param held the status read last from the same node's topic, or null
     * @throws WireFormatException when it is not a valid status or heartbeat; the message names the field
     */
    public static NodeStatus decode(byte[] payload, NodeStatus held) throws WireFormatException {
        return decode(JsonMessage.parse(MESSAGE, payload), held, true);
    }

    private static NodeStatus decode(JsonMessage json, NodeStatus held, boolean compactAllowed)
            throws WireFormatException {
        NodeState state = json.constant("state", NodeState.class);
        String node = json.text("node");
        if (state == NodeState.OFFLINE) {
            String reason = json.text("reason");
            Instant ts = json.epochMillis("ts");
            Optional<String> reportedBy = json.has("reportedBy") ? Optional.of(json.text("reportedBy"))
                    : Optional.empty();
            return json.build(() -> new NodeStatus(state, node, List.of(), ts, Optional.empty(), Optional.of(reason),
                    reportedBy));
        }
        boolean compact = !json.has("neurons") && (json.has("neuronCount") || json.has("neuronsDigest"));
        if (compact && !compactAllowed) {
            throw new WireFormatException(MESSAGE + ": neurons: missing; this is a compact heartbeat, which names the"
                    + " hosted set by neuronCount and neuronsDigest: merge it into the last full status held");
        }
        List<String> neurons = compact ? List.of() : json.strings("neurons");
        long neuronCount = compact ? json.wholeNumber("neuronCount", 0) : neurons.size();
        String digest = compact ? json.text("neuronsDigest") : "";
        Instant ts = json.epochMillis("ts");
        String instance = json.text("instance");
        long rev = json.wholeNumber("rev", 0);
        String hash = json.text("hash");
        Instant since = json.epochMillis("since");
        double inputsPerSecond = json.number("inputsPerSecond");
        long queue = json.wholeNumber("queue", 0);
        long heapUsed = json.wholeNumber("heapUsedMb", 0);
        long heapMax = json.wholeNumber("heapMaxMb", 0);
        long malformed = json.wholeNumber("malformed", 0);
        long dropped = json.wholeNumber("dropped", 0);
        Optional<String> problem = json.has("topologyProblem") ? Optional.of(json.text("topologyProblem"))
                : Optional.empty();
        Optional<Duration> heartbeat = json.has("heartbeatMs")
                ? Optional.of(Duration.ofMillis(json.wholeNumber("heartbeatMs", 1))) : Optional.empty();
        Optional<Duration> offlineAfter = json.has("offlineAfterMs")
                ? Optional.of(Duration.ofMillis(json.wholeNumber("offlineAfterMs", 1))) : Optional.empty();
        HeartbeatForm heartbeats = json.has("heartbeats") ? json.constant("heartbeats", HeartbeatForm.class)
                : HeartbeatForm.FULL;
        NodeStatus status = json.build(() -> NodeStatus.live(state, node, neurons, ts, new NodeStatus.Running(
                instance, rev, hash, since, inputsPerSecond, (int) Math.min(queue, Integer.MAX_VALUE), heapUsed,
                heapMax, malformed, dropped, problem, heartbeat, heartbeats, offlineAfter)));
        if (!compact) {
            return status;
        }
        json.build(() -> CompactHeartbeat.requireDigest(digest));
        return CompactHeartbeat.merge(status, neuronCount, digest, held);
    }
}
