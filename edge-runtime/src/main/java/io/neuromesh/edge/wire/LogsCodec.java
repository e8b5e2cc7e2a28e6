package io.neuromesh.edge.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The one codec of the logs request and its replies (MQTT 5 request/response on {@code neuromesh/request/logs}):
 * <pre>{@code
 * {"v":1,"sinceMs":1767225600000}
 * {"v":1,"node":"n1","events":[{"ts":1767225600123456,"neuron":"x","kind":"fired","text":"x fires (sum 1)"}]}
 * }</pre>
 * An event's {@code ts} is in epoch <b>microseconds</b>. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class LogsCodec {

    private static final String REQUEST = "logs request";
    private static final String REPLY = "logs reply";

    private LogsCodec() {
    }

    /** The payload of {@code request}. */
    public static byte[] encodeRequest(LogsRequest request) {
        JsonObject json = JsonMessage.start();
        json.addProperty("sinceMs", request.since().toEpochMilli());
        return JsonMessage.bytes(json);
    }

    /**
     * Reads a logs request; without {@code sinceMs} it asks for all events.
     *
     * @throws WireFormatException when it is not a valid request; the message names the field
     */
    public static LogsRequest decodeRequest(byte[] payload) throws WireFormatException {
        JsonMessage json = JsonMessage.parse(REQUEST, payload);
        Instant since = json.has("sinceMs") ? json.epochMillis("sinceMs") : Instant.EPOCH;
        return json.build(() -> new LogsRequest(since));
    }

    /** The payload of {@code reply}. */
    public static byte[] encodeReply(LogsReply reply) {
        JsonArray events = new JsonArray(reply.events().size());
        for (LogsReply.Event event : reply.events()) {
            JsonObject e = new JsonObject();
            e.addProperty("ts", ChronoUnit.MICROS.between(Instant.EPOCH, event.at()));
            e.addProperty("neuron", event.neuron());
            e.addProperty("kind", event.kind());
            e.addProperty("text", event.text());
            events.add(e);
        }
        JsonObject json = JsonMessage.start();
        json.addProperty("node", reply.node());
        json.add("events", events);
        return JsonMessage.bytes(json);
    }

    /**
     * Reads one node's logs reply.
     *
     * @throws WireFormatException when it is not a valid reply; the message names the field, e.g.
     *                             {@code logs reply: events[2].ts: missing}
     */
    public static LogsReply decodeReply(byte[] payload) throws WireFormatException {
        JsonMessage json = JsonMessage.parse(REPLY, payload);
        String node = json.text("node");
        List<LogsReply.Event> events = new ArrayList<>();
        for (JsonMessage e : json.objectList("events")) {
            Instant at = Instant.EPOCH.plus(e.wholeNumber("ts", 0), ChronoUnit.MICROS);
            String neuron = e.text("neuron");
            String kind = e.text("kind");
            String text = e.text("text");
            events.add(e.build(() -> new LogsReply.Event(at, neuron, kind, text)));
        }
        return json.build(() -> new LogsReply(node, events));
    }
}
