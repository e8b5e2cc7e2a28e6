package io.neuromesh.topology.internal.parse;

import io.neuromesh.topology.ActuatorSpec;
import io.neuromesh.topology.Defaults;
import io.neuromesh.topology.NeuronSpec;
import io.neuromesh.topology.NodeSpec;
import io.neuromesh.topology.SensorSpec;
import io.neuromesh.topology.SynapseSpec;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyException;
import io.neuromesh.topology.internal.json.JsonCursor;
import io.neuromesh.topology.internal.json.MalformedJsonException;
import io.neuromesh.topology.internal.json.Utf8;
import io.neuromesh.topology.internal.validate.CrossReferences;
import io.neuromesh.topology.internal.validate.Path;
import io.neuromesh.topology.internal.validate.Rules;
import org.tinylog.Logger;

import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a topology document in one streaming pass, collecting every error with its path, then applies the
 * defaults and builds the {@link Topology}. One instance per document; not thread-safe.
 */
public final class DocumentParser {

    private final JsonCursor in;
    private final ParseContext ctx;
    private boolean revPresent;
    private Long rev;
    private String name;
    private Long tickMillis;
    private DefaultsDraft defaults = DefaultsDraft.absent();
    private boolean neuronsPresent;
    private final List<NodeDraft> nodes = new ArrayList<>();
    private final List<SensorDraft> sensors = new ArrayList<>();
    private final List<NeuronDraft> neurons = new ArrayList<>();
    // A synapse is made as soon as it is read whole and valid: drafts kept until the end of the parse (200,000 for
    // 100,000 neurons) were copied by the collector along with the synapses.
    private final List<SynapseSpec> synapses = new ArrayList<>();
    private final List<ActuatorDraft> actuators = new ArrayList<>();

    private DocumentParser(Reader json, int length) {
        in = new JsonCursor(json);
        ctx = new ParseContext(in, length);
    }

    /**
     * A valid topology and its ids as the parser resolved them.
     *
     * @param topology the topology
     * @param resolved its ids, for its index
     */
    public record Parsed(Topology topology, CrossReferences.Resolved resolved) {
    }

    /**
     * @param json the whole document
     * @return the valid topology
     * @throws TopologyException listing every problem as {@code "<path>: <what>"} in document order
     */
    public static Topology parse(String json) {
        return parseResolved(json).topology();
    }

    /**
     * @param json the whole document
     * @return the valid topology, and its ids as resolved while checking it
     * @throws TopologyException listing every problem as {@code "<path>: <what>"} in document order
     */
    public static Parsed parseResolved(String json) {
        return parseResolved(json.isBlank(), new StringReader(json), json.length());
    }

    /**
     * @param utf8 the whole document, UTF-8 (a leading byte order mark is allowed)
     * @return the valid topology, and its ids as resolved while checking it
     * @throws TopologyException listing every problem as {@code "<path>: <what>"} in document order, or saying that
     *                           the bytes are not UTF-8
     */
    public static Parsed parseResolved(byte[] utf8) {
        if (!Utf8.ascii(utf8)) {
            return parseResolved(Utf8.decode(utf8));
        }
        return parseResolved(blank(utf8), Utf8.asciiReader(utf8), utf8.length);
    }

    private static boolean blank(byte[] ascii) {
        for (byte b : ascii) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    private static Parsed parseResolved(boolean blank, Reader json, int length) {
        if (blank) {
            throw new TopologyException(List.of(
                    "$: topology is empty; expected a JSON object such as {\"rev\": 1, \"neurons\": []}"));
        }
        try {
            DocumentParser parser = new DocumentParser(json, length);
            Topology topology = parser.document();
            Logger.debug("Parsed topology rev {}: {} neurons, {} sensors, {} synapses, {} actuators", topology.rev(),
                    topology.neurons().size(), topology.sensors().size(), topology.synapses().size(),
                    topology.actuators().size());
            return new Parsed(topology, parser.ctx.refs.resolved(topology.synapses().size()));
        } catch (MalformedJsonException e) {
            throw new TopologyException(List.of("$: " + e.describe()));
        }
    }

    private Topology document() {
        boolean object = ctx.members(Path.ROOT, ctx.next(), FieldNames.TOP_LEVEL, this::topLevel);
        if (!object) {
            throw new TopologyException(ctx.issues.report());
        }
        in.expectEnd();
        long end = ctx.next();
        if (!revPresent) {
            ctx.report(end, Path.ROOT.field("rev"), "missing; a topology needs \"rev\", a positive integer revision");
        }
        if (!neuronsPresent) {
            ctx.report(end, Path.ROOT.field("neurons"), "missing; use \"neurons\": [] for an empty network");
        }
        for (NeuronDraft neuron : neurons) {
            neuron.checkThreshold(ctx, defaults.thresholdPresent());
        }
        ctx.refs.finish();
        if (!ctx.issues.isEmpty()) {
            throw new TopologyException(ctx.issues.report());
        }
        Defaults effective = defaults.toDefaults();
        List<NodeSpec> nodeSpecs = nodes.stream().map(NodeDraft::toSpec).toList();
        List<SensorSpec> sensorSpecs = sensors.stream().map(SensorDraft::toSpec).toList();
        List<NeuronSpec> neuronSpecs = neurons.stream().map(neuron -> neuron.toSpec(effective)).toList();
        List<ActuatorSpec> actuatorSpecs = actuators.stream().map(ActuatorDraft::toSpec).toList();
        Duration tick = tickMillis == null ? Duration.ZERO : Duration.ofMillis(tickMillis);
        return CrossReferences.checkedByParser(() -> new Topology(rev, name, effective, nodeSpecs, sensorSpecs,
                neuronSpecs, synapses, actuatorSpecs, tick));
    }

    private void topLevel(String field, Path at, long order) {
        switch (field) {
            case "rev" -> {
                revPresent = true;
                rev = ctx.integer(at, order, Rules.REV);
            }
            case "name" -> name(at, order);
            case "tickMs" -> tickMillis = ctx.integer(at, order, Rules.TICK_MILLIS);
            case "defaults" -> defaults = DefaultsDraft.read(ctx, at, order);
            case "nodes" -> ctx.elements(at, order, (i, elementAt, elementOrder) ->
                    add(nodes, NodeDraft.read(ctx, i, elementAt, elementOrder)));
            case "sensors" -> ctx.elements(at, order, (i, elementAt, elementOrder) ->
                    add(sensors, SensorDraft.read(ctx, i, elementAt, elementOrder)));
            case "neurons" -> {
                neuronsPresent = true;
                ctx.elements(at, order, (i, elementAt, elementOrder) ->
                        add(neurons, NeuronDraft.read(ctx, i, elementAt, elementOrder)));
            }
            case "synapses" -> ctx.elements(at, order, (i, elementAt, elementOrder) ->
                    add(synapses, SynapseDraft.read(ctx, i, elementAt, elementOrder)));
            case "actuators" -> ctx.elements(at, order, (i, elementAt, elementOrder) ->
                    add(actuators, ActuatorDraft.read(ctx, i, elementAt, elementOrder)));
        }
    }

    private void name(Path at, long order) {
        String value = ctx.string(at, order);
        if (value != null) {
            String problem = Rules.name(value);
            if (problem != null) {
                ctx.report(order, at, problem);
            } else {
                name = value;
            }
        }
    }

    private static <T> void add(List<T> drafts, T draft) {
        if (draft != null) {
            drafts.add(draft);
        }
    }
}
