package io.neuromesh.edge.wire;

import com.google.gson.JsonObject;

import java.time.Instant;
import java.util.List;

/**
 * The one codec of {@link TopologyResult}, on {@code neuromesh/nodes/<node>/topology} (retained):
 * <pre>{@code
 * {"v":1,"rev":2,"document":"9c0f...","result":"rejected","running":1,"hash":"1a26...","neurons":["x","y"],
 *  "errors":["synapses[5].to: unknown target 'h9'; no neuron has that id"],"ts":1767225600000}
 * }</pre>
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class TopologyResultCodec {

    private static final String MESSAGE = "topology result";

    private TopologyResultCodec() {
    }

    /** The payload of {@code result}, fields in the order the runtime has always written them. */
    public static byte[] encode(TopologyResult result) {
        JsonObject json = JsonMessage.start();
        json.addProperty("rev", result.rev());
        json.addProperty("document", result.document());
        json.addProperty("result", result.result().wireName());
        json.addProperty("running", result.running());
        json.addProperty("hash", result.hash());
        json.add("neurons", JsonMessage.array(result.neurons()));
        json.add("errors", JsonMessage.array(result.errors()));
        json.addProperty("ts", result.timestamp().toEpochMilli());
        return JsonMessage.bytes(json);
    }

    /**
     * Reads a topology result payload.
     *
     * @throws WireFormatException when it is not a valid result; the message names the field
     */
    public static TopologyResult decode(byte[] payload) throws WireFormatException {
        JsonMessage json = JsonMessage.parse(MESSAGE, payload);
        long rev = json.wholeNumber("rev", 0);
        // Nodes from before the field wrote none: their result cannot be matched to a publish by content.
        String document = json.has("document") ? json.text("document") : "";
        TopologyOutcome outcome = json.constant("result", TopologyOutcome.class);
        long running = json.wholeNumber("running", 0);
        String hash = json.text("hash");
        List<String> neurons = json.strings("neurons");
        List<String> errors = json.strings("errors");
        Instant ts = json.epochMillis("ts");
        return json.build(() -> new TopologyResult(rev, document, outcome, running, hash, neurons, errors, ts));
    }

    /**
     * The {@code rev} a result reports for a topology message that did not validate: its own {@code rev} when it has
     * a whole one of at least 1, else 0 (not JSON, no rev, a rev that is not a whole number).
     */
    public static long revOf(byte[] topology) {
        try {
            JsonMessage json = JsonMessage.parse("topology", topology);
            return json.has("rev") ? json.wholeNumber("rev", 1) : 0;
        } catch (WireFormatException unreadable) {
            return 0;
        }
    }
}
