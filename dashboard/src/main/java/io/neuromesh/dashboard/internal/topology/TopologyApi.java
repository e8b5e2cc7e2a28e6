package io.neuromesh.dashboard.internal.topology;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.javalin.http.Context;
import io.neuromesh.dashboard.internal.act.Actor;
import io.neuromesh.dashboard.internal.fleet.FleetWatch;
import io.neuromesh.dashboard.internal.server.ApiError;
import io.neuromesh.dashboard.internal.server.Json;
import io.neuromesh.edge.FleetTopology;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.AppliedHistory;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyDiff;
import io.neuromesh.topology.TopologyException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * The Topology page's API: the running document, the fleet's applied history, one revision's document, the diff
 * between two revisions ({@link TopologyDiff}, as {@code topology diff} shows it), and apply and rollback.
 */
public final class TopologyApi {

    private static final Duration READ = Duration.ofSeconds(2);

    private final FleetWatch watch;

    public TopologyApi(FleetWatch watch) {
        this.watch = watch;
    }

    /** {@code GET /api/topology}: what runs, and whether the fleet is of one mind. */
    public void running(Context ctx) {
        FleetTopology fleet = watch.readTopology();
        JsonObject body = new JsonObject();
        body.addProperty("rev", fleet.rev());
        body.addProperty("runningRev", fleet.leader().map(NodeStatus::rev).orElse(0L));
        body.addProperty("hash", fleet.leader().map(NodeStatus::hash).orElse(""));
        body.add("document", fleet.running().map(t -> Json.parse(t.toJson().getBytes(StandardCharsets.UTF_8)))
                .orElse(null));
        body.addProperty("disagrees", fleet.disagrees());
        JsonObject groups = new JsonObject();
        fleet.groups().forEach((group, nodes) -> groups.addProperty(group, String.join(" ", nodes)));
        body.add("groups", groups);
        body.addProperty("retainedProblem", fleet.retainedProblem().orElse(""));
        body.addProperty("retainedIsRunning", fleet.retainedIsRunning());
        Json.send(ctx, body);
    }

    /** {@code GET /api/topology/history}: the applied revisions, newest first. */
    public void history(Context ctx) {
        AppliedHistory history = watch.client().history(READ);
        String running = watch.topology().leader().map(NodeStatus::hash).orElse("");
        JsonArray revisions = new JsonArray();
        for (AppliedHistory.Revision r : history.revisions()) {
            JsonObject revision = new JsonObject();
            revision.addProperty("rev", r.rev());
            revision.addProperty("hash", r.hash());
            revision.addProperty("shortHash", r.shortHash());
            revision.addProperty("name", r.name());
            revision.addProperty("appliedAtMs", r.appliedAt().toEpochMilli());
            revision.addProperty("nodes", String.join(" ", r.nodes()));
            revision.addProperty("running", r.hash().equals(running));
            revisions.add(revision);
        }
        JsonObject body = new JsonObject();
        body.add("revisions", revisions);
        Json.send(ctx, body);
    }

    /** {@code GET /api/topology/revisions/{rev}}: one applied revision's document. */
    public void revision(Context ctx) {
        Topology document = load(watch.client().history(READ), rev(ctx.pathParam("rev"), "rev"));
        Json.send(ctx, Json.parse(document.toJson().getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code GET /api/topology/diff?from=A&to=B}: what changed from revision A to revision B. */
    public void diff(Context ctx) {
        AppliedHistory history = watch.client().history(READ);
        long from = rev(ctx.queryParam("from"), "from");
        long to = rev(ctx.queryParam("to"), "to");
        TopologyDiff diff = TopologyDiff.between(load(history, from), load(history, to));
        JsonObject body = new JsonObject();
        body.addProperty("from", from);
        body.addProperty("to", to);
        JsonArray changes = new JsonArray();
        diff.describe().forEach(changes::add);
        body.add("changes", changes);
        Json.send(ctx, body);
    }

    /** {@code POST /api/topology}: publishes the document in the body, retained, after checking it. */
    public void apply(Context ctx, Actor actor) {
        byte[] json = ctx.body().getBytes(StandardCharsets.UTF_8);
        Topology topology;
        try {
            topology = Topology.parse(json);
        } catch (TopologyException e) {
            throw new ApiError(400, "the topology is not valid: " + e.errors().get(0), e.errors());
        }
        long fleetRev = watch.readTopology().rev();
        if (topology.rev() <= fleetRev) {
            throw new ApiError(409, "rev " + topology.rev() + " is not newer than the fleet's rev " + fleetRev
                    + "; give it \"rev\": " + (fleetRev + 1));
        }
        actor.publish(Topics.TOPOLOGY, json, true);
        published(ctx, topology.rev(), "published rev " + topology.rev());
    }

    /** {@code POST /api/topology/rollback {"to": REV}}: republishes a revision's network as the fleet's rev + 1. */
    public void rollback(Context ctx, Actor actor) {
        long to = (long) Json.number(Json.body(ctx), "to");
        Topology network = load(watch.client().history(READ), to);
        long rev = watch.readTopology().rev() + 1;
        Topology renumbered = network.withRev(rev);
        actor.publish(Topics.TOPOLOGY, renumbered.toJson().getBytes(StandardCharsets.UTF_8), true);
        published(ctx, rev, "rolled back to the network of rev " + to + ", published as rev " + rev);
    }

    private static void published(Context ctx, long rev, String message) {
        JsonObject body = new JsonObject();
        body.addProperty("rev", rev);
        body.addProperty("message", message);
        ctx.status(202);
        Json.send(ctx, body);
    }

    private Topology load(AppliedHistory history, long rev) {
        AppliedHistory.Revision revision = history.find(rev).orElseThrow(() -> ApiError.notFound("rev " + rev
                + " is not in the fleet's applied history; it holds rev " + history.revisions().stream()
                .map(r -> Long.toString(r.rev())).collect(Collectors.joining(" "))));
        try {
            return watch.client().revision(revision, READ);
        } catch (IllegalStateException e) {
            throw new ApiError(502, "the document of rev " + rev + " on the broker is not usable: " + e.getMessage());
        }
    }

    private static long rev(String text, String name) {
        try {
            long rev = Long.parseLong(text == null ? "" : text.trim());
            if (rev >= 1 && rev <= Topology.MAX_REV) {
                return rev;
            }
        } catch (NumberFormatException e) {
            // Said below, with the range.
        }
        throw ApiError.badRequest(name + ": must be a rev from 1 to " + Topology.MAX_REV + ", got '" + text + "'");
    }
}
