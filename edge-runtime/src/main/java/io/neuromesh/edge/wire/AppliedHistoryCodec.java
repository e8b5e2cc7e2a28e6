package io.neuromesh.edge.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The one codec of {@link AppliedHistory}, on {@code neuromesh/topology/history} (retained):
 * <pre>{@code
 * {"v":1,"revisions":[{"rev":4,"hash":"9c0f...","name":"xor","appliedAt":1767225600000,"nodes":["n1","n2","n3"]},
 *                     {"rev":3,"hash":"1a26...","name":"","appliedAt":1767225500000,"nodes":["n1","n2"]}]}
 * }</pre>
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class AppliedHistoryCodec {

    private static final String MESSAGE = "topology history";

    private AppliedHistoryCodec() {
    }

    /** The payload of {@code history}, newest revision first. */
    public static byte[] encode(AppliedHistory history) {
        JsonObject json = JsonMessage.start();
        JsonArray revisions = new JsonArray();
        for (AppliedHistory.Revision r : history.revisions()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("rev", r.rev());
            entry.addProperty("hash", r.hash());
            entry.addProperty("name", r.name());
            entry.addProperty("appliedAt", r.appliedAt().toEpochMilli());
            entry.add("nodes", JsonMessage.array(r.nodes()));
            revisions.add(entry);
        }
        json.add("revisions", revisions);
        return JsonMessage.bytes(json);
    }

    /**
     * Reads a history payload.
     *
     * @throws WireFormatException when it is not a valid history; the message names the field
     */
    public static AppliedHistory decode(byte[] payload) throws WireFormatException {
        JsonMessage json = JsonMessage.parse(MESSAGE, payload);
        List<AppliedHistory.Revision> revisions = new ArrayList<>();
        for (JsonMessage r : json.objectList("revisions")) {
            long rev = r.wholeNumber("rev", 1);
            String hash = r.text("hash");
            String name = r.text("name");
            var appliedAt = r.epochMillis("appliedAt");
            List<String> nodes = r.strings("nodes");
            revisions.add(r.build(() -> new AppliedHistory.Revision(rev, hash, name, appliedAt, nodes)));
        }
        return json.build(() -> new AppliedHistory(revisions));
    }
}
