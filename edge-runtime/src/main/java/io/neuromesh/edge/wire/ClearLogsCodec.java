package io.neuromesh.edge.wire;

import com.google.gson.JsonObject;

/**
 * The one codec of the clear-logs request and its replies (MQTT 5 request/response on
 * {@code neuromesh/request/clear-logs}): the request {@code {"v":1}} has no fields (a node answers any payload), a
 * reply is {@code {"v":1,"node":"n1","cleared":true}}. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class ClearLogsCodec {

    private static final String REPLY = "clear-logs reply";

    private ClearLogsCodec() {
    }

    /** The payload of the request. */
    public static byte[] encodeRequest() {
        return JsonMessage.bytes(JsonMessage.start());
    }

    /** The payload of {@code reply}. */
    public static byte[] encodeReply(ClearLogsReply reply) {
        JsonObject json = JsonMessage.start();
        json.addProperty("node", reply.node());
        json.addProperty("cleared", true);
        return JsonMessage.bytes(json);
    }

    /**
     * Reads one node's reply.
     *
     * @throws WireFormatException when it is not a valid reply; the message names the field
     */
    public static ClearLogsReply decodeReply(byte[] payload) throws WireFormatException {
        JsonMessage json = JsonMessage.parse(REPLY, payload);
        String node = json.text("node");
        if (!json.bool("cleared")) {
            throw new WireFormatException(REPLY + ": cleared: must be true, got false");
        }
        return json.build(() -> new ClearLogsReply(node));
    }
}
