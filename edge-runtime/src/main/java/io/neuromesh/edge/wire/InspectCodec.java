package io.neuromesh.edge.wire;

import com.google.gson.JsonObject;
import io.neuromesh.topology.NeuronMode;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one codec of the inspect request and its reply (MQTT 5 request/response on {@code neuromesh/request/inspect}):
 * <pre>{@code
 * {"v":1,"neuron":"z"}
 * {"v":1,"node":"n3","neuron":{"id":"z","mode":"level","threshold":0.9,"inputWindowMs":500,"refractoryMs":100,
 *  "output":1,"sum":1.0,"refractory":false,"weights":{"h1":1.0},"inputs":{"h1":{"value":1.0,"ts":1767225600000,
 *  "live":true}},"downstream":[],"lastFired":1767225600000,"inputCount":3,"fireCount":1,"ignoredCount":0}}
 * }</pre>
 * {@code lastFired} is 0 when the neuron never fired. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class InspectCodec {

    private static final String REQUEST = "inspect request";
    private static final String REPLY = "inspection";

    private InspectCodec() {
    }

    /** The payload of {@code request}. */
    public static byte[] encodeRequest(InspectRequest request) {
        JsonObject json = JsonMessage.start();
        json.addProperty("neuron", request.neuron());
        return JsonMessage.bytes(json);
    }

    /**
     * Reads an inspect request.
     *
     * @throws WireFormatException when it is not a valid request; the message names the field
     */
    public static InspectRequest decodeRequest(byte[] payload) throws WireFormatException {
        JsonMessage json = JsonMessage.parse(REQUEST, payload);
        String neuron = json.text("neuron");
        return json.build(() -> new InspectRequest(neuron));
    }

    /** The payload of {@code inspection}. */
    public static byte[] encodeReply(Inspection inspection) {
        Inspection.Neuron n = inspection.neuron();
        JsonObject neuron = new JsonObject();
        neuron.addProperty("id", n.id());
        neuron.addProperty("mode", JsonMessage.wireName(n.mode()));
        neuron.addProperty("threshold", n.threshold());
        neuron.addProperty("inputWindowMs", n.inputWindow().toMillis());
        neuron.addProperty("refractoryMs", n.refractory().toMillis());
        neuron.addProperty("output", n.output());
        neuron.addProperty("sum", n.sum());
        neuron.addProperty("refractory", n.resting());
        neuron.add("weights", JsonMessage.numbers(n.weights()));
        JsonObject inputs = new JsonObject();
        n.inputs().forEach((source, input) -> {
            JsonObject i = new JsonObject();
            i.addProperty("value", input.value());
            i.addProperty("ts", input.at().toEpochMilli());
            i.addProperty("live", input.live());
            inputs.add(source, i);
        });
        neuron.add("inputs", inputs);
        neuron.add("downstream", JsonMessage.array(n.downstream()));
        neuron.addProperty("lastFired", n.lastFired().map(Instant::toEpochMilli).orElse(0L));
        neuron.addProperty("inputCount", n.inputCount());
        neuron.addProperty("fireCount", n.fireCount());
        neuron.addProperty("ignoredCount", n.ignoredCount());
        JsonObject json = JsonMessage.start();
        json.addProperty("node", inspection.node());
        json.add("neuron", neuron);
        return JsonMessage.bytes(json);
    }

    /**
     * Reads an inspection.
     *
     * @throws WireFormatException when it is not a valid inspection; the message names the field, e.g.
     *                             {@code inspection: neuron.inputs.h1.ts: missing}
     */
    public static Inspection decodeReply(byte[] payload) throws WireFormatException {
        JsonMessage json = JsonMessage.parse(REPLY, payload);
        String node = json.text("node");
        JsonMessage n = json.object("neuron");
        String id = n.text("id");
        NeuronMode mode = n.constant("mode", NeuronMode.class);
        double threshold = n.number("threshold");
        Duration window = Duration.ofMillis(n.wholeNumber("inputWindowMs", 0));
        Duration refractory = Duration.ofMillis(n.wholeNumber("refractoryMs", 0));
        long output = n.wholeNumber("output", 0);
        double sum = n.number("sum");
        boolean resting = n.bool("refractory");
        Map<String, Double> weights = n.numbers("weights");
        Map<String, Inspection.Input> inputs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonMessage> input : n.objects("inputs").entrySet()) {
            JsonMessage i = input.getValue();
            inputs.put(input.getKey(), new Inspection.Input(i.number("value"), i.epochMillis("ts"), i.bool("live")));
        }
        List<String> downstream = n.strings("downstream");
        long lastFired = n.wholeNumber("lastFired", 0);
        long inputCount = n.wholeNumber("inputCount", 0);
        long fireCount = n.wholeNumber("fireCount", 0);
        long ignoredCount = n.wholeNumber("ignoredCount", 0);
        Inspection.Neuron neuron = n.build(() -> new Inspection.Neuron(id, mode, threshold, window, refractory,
                (int) Math.min(output, 2), sum, resting, weights, inputs, downstream,
                lastFired == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(lastFired)), inputCount,
                fireCount, ignoredCount));
        return json.build(() -> new Inspection(node, neuron));
    }
}
