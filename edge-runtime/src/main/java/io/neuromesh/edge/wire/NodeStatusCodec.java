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
 * {@code "heartbeatMs":2000}, the longest it waits before its next status (older versions do not); a peer republishing
 * a Last Will adds {@code "reportedBy":"n2"} after {@code ts}.
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class NodeStatusCodec {

    private static final String MESSAGE = "node status";

    private NodeStatusCodec() {
    }

    /** The payload of {@code status}, fields in the order the runtime has always written them. */
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
        NodeStatus.Running running = status.running().get();
        json.addProperty("instance", running.instance());
        json.add("neurons", JsonMessage.array(status.neurons()));
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
        return JsonMessage.bytes(json);
    }

    /**
     * Reads a status payload.
     *
     * @throws WireFormatException when it is not a valid status (not JSON, a field missing or of the wrong type, a
     *                             newer version); the message names the field
     */
    public static NodeStatus decode(byte[] payload) throws WireFormatException {
        JsonMessage json = JsonMessage.parse(MESSAGE, payload);
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
        List<String> neurons = json.strings("neurons");
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
        return json.build(() -> NodeStatus.live(state, node, neurons, ts, new NodeStatus.Running(instance,
                rev, hash, since, inputsPerSecond, (int) Math.min(queue, Integer.MAX_VALUE), heapUsed, heapMax,
                malformed, dropped, problem, heartbeat)));
    }
}
