package io.neuromesh.dashboard.internal.act;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.javalin.http.Context;
import io.neuromesh.dashboard.internal.brain.BrainJson;
import io.neuromesh.dashboard.internal.fleet.FleetWatch;
import io.neuromesh.dashboard.internal.live.LiveHub;
import io.neuromesh.dashboard.internal.server.ApiError;
import io.neuromesh.dashboard.internal.server.Json;
import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.Input;
import io.neuromesh.edge.wire.InputCodec;
import io.neuromesh.edge.wire.InspectCodec;
import io.neuromesh.edge.wire.Inspection;
import io.neuromesh.topology.SensorSpec;
import io.neuromesh.topology.SynapseSpec;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyIndex;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The Brain page's API: the graph, a neuron's state ({@code inspect}), and toggling a virtual sensor or firing. */
public final class NeuronApi {

    private static final Duration INSPECT = Duration.ofSeconds(2);

    private final FleetWatch watch;
    private final LiveHub hub;
    /** The value last set from the dashboard for each virtual sensor: the page shows it as the switch's position. */
    private final Map<String, Double> sensors = new ConcurrentHashMap<>();

    public NeuronApi(FleetWatch watch, LiveHub hub) {
        this.watch = watch;
        this.hub = hub;
    }

    /** {@code GET /api/brain}: the graph with live outputs. */
    public void brain(Context ctx) {
        Json.send(ctx, BrainJson.of(watch.topology().running(), watch.nodes(), watch.outputs(), Map.copyOf(sensors)));
    }

    /** {@code GET /api/neurons/{id}}: what {@code inspect} shows, from the neuron's host. */
    public void inspect(Context ctx) {
        String id = ctx.pathParam("id");
        index().ifPresent(index -> requireNeuron(index, id));
        Inspection inspection = watch.client().inspect(id, INSPECT).orElseThrow(() -> new ApiError(504,
                "no answer about neuron " + id + " within " + INSPECT.toSeconds() + "s: no online node hosts it,"
                        + " or its host did not answer"));
        Json.send(ctx, Json.parse(InspectCodec.encodeReply(inspection)));
    }

    /** {@code POST /api/sensors/{id} {"value": V}}: sends V from a virtual sensor to every neuron it feeds. */
    public void setSensor(Context ctx, Actor actor) {
        String id = ctx.pathParam("id");
        double value = Json.number(Json.body(ctx), "value");
        TopologyIndex index = index().orElseThrow(NeuronApi::noTopology);
        SensorSpec sensor = index.sensor(id).orElseThrow(() -> ApiError.notFound("no sensor '" + id
                + "' in the running topology (rev " + index.topology().rev() + "); sensors: "
                + index.topology().sensors().stream().map(SensorSpec::id).collect(Collectors.joining(" "))));
        if (!sensor.isVirtual()) {
            throw new ApiError(409, "sensor " + id + " is read from GPIO pin " + sensor.gpio().pin() + " on "
                    + sensor.gpio().node() + "; only a virtual sensor (no pin) can be set from the dashboard");
        }
        JsonArray sentTo = new JsonArray();
        for (SynapseSpec synapse : index.outgoing(id)) {
            actor.publish(Topics.input(synapse.to()), InputCodec.encode(Input.of(id, value)), false);
            sentTo.add(synapse.to());
        }
        sensors.put(id, value);
        JsonObject body = new JsonObject();
        body.addProperty("sensor", id);
        body.addProperty("value", value);
        body.add("sentTo", sentTo);
        hub.publish("sensor", Json.text(body));
        Json.send(ctx, body);
    }

    /** {@code POST /api/neurons/{id}/fire}: makes the neuron fire now. */
    public void fire(Context ctx, Actor actor) {
        String id = ctx.pathParam("id");
        requireNeuron(index().orElseThrow(NeuronApi::noTopology), id);
        actor.publish(Topics.input(id), InputCodec.encode(Input.fireCommand()), false);
        JsonObject body = new JsonObject();
        body.addProperty("fired", id);
        Json.send(ctx, body);
    }

    private java.util.Optional<TopologyIndex> index() {
        return watch.topology().running().map(Topology::index);
    }

    private static void requireNeuron(TopologyIndex index, String id) {
        if (!index.isNeuron(id)) {
            throw ApiError.notFound("no neuron '" + id + "' in the running topology (rev " + index.topology().rev()
                    + "); neurons: " + index.topology().neurons().stream().map(n -> n.id())
                    .collect(Collectors.joining(" ")));
        }
    }

    private static ApiError noTopology() {
        return new ApiError(409, "the fleet runs no topology yet: apply one first (Topology page, or ./neuromesh"
                + " topology apply FILE)");
    }
}
