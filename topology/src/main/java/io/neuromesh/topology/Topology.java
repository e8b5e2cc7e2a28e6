package io.neuromesh.topology;

import io.neuromesh.topology.internal.parse.DocumentParser;
import io.neuromesh.topology.internal.serialize.CanonicalJson;
import io.neuromesh.topology.internal.validate.Check;
import io.neuromesh.topology.internal.validate.CrossReferences;
import io.neuromesh.topology.internal.validate.Issues;
import io.neuromesh.topology.internal.validate.Rules;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * A complete, valid topology: the network the fleet runs. Immutable and thread-safe.
 *
 * <p>Get one from JSON with {@link #parse(byte[])}, or build it in code: the constructor enforces the same rules
 * as the parser (each element record checks its own fields; this constructor checks the rules between elements
 * and throws a {@link TopologyException} listing all violations).
 *
 * @param rev       revision, 1 to 2^53-1; a runtime applies only a topology newer than the one it runs
 * @param name      a label for humans (1-128 characters), or null
 * @param defaults  the defaults the document declared (already applied to {@code neurons})
 * @param nodes     declared nodes, in document order
 * @param sensors   sensors, in document order
 * @param neurons   neurons with their effective settings, in document order
 * @param synapses  synapses, in document order
 * @param actuators actuators, in document order
 * @param tick      the length of a tick ({@code "tickMs"}), whole milliseconds from 0 to one minute;
 *                  {@link Duration#ZERO} (the default) evaluates every input at once, a positive tick makes the
 *                  network discrete-time: the inputs of one tick are one wave and each output changes at most once
 *                  per tick (see docs/topology.md)
 * @since 0.1
 */
public record Topology(long rev, String name, Defaults defaults, List<NodeSpec> nodes, List<SensorSpec> sensors,
                       List<NeuronSpec> neurons, List<SynapseSpec> synapses, List<ActuatorSpec> actuators,
                       Duration tick) {

    /** Largest payload {@link #parse(byte[])} accepts: 16 MiB. */
    public static final int DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
    /** Largest revision: 2^53-1, the largest integer every JSON parser keeps exactly. */
    public static final long MAX_REV = Rules.MAX_REV;
    /** Number of hex characters of {@link #shortHash()}. */
    public static final int SHORT_HASH_LENGTH = 16;

    /**
     * Validates the topology. Lists are copied; elements must not be null.
     *
     * @throws IllegalArgumentException {@code "<field>: <what>"} for a bad {@code rev}, {@code name} or a null
     *                                  argument; a {@link TopologyException} listing every broken rule between
     *                                  elements (duplicate ids, unknown references, pins used twice)
     */
    public Topology {
        Check.integer("rev", rev, Rules.REV);
        if (name != null) {
            Check.require("name", Rules.name(name));
        }
        Check.notNull("defaults", defaults);
        nodes = Check.list("nodes", nodes);
        sensors = Check.list("sensors", sensors);
        neurons = Check.list("neurons", neurons);
        synapses = Check.list("synapses", synapses);
        actuators = Check.list("actuators", actuators);
        Check.require("tick", Rules.tick(tick));
        Issues issues = new Issues();
        CrossReferences.check(nodes, sensors, neurons, synapses, actuators, issues);
        if (!issues.isEmpty()) {
            throw new TopologyException(issues.report());
        }
    }

    /**
     * A topology without ticks (every input is evaluated as it arrives); see the canonical constructor.
     *
     * @since 0.1
     */
    public Topology(long rev, String name, Defaults defaults, List<NodeSpec> nodes, List<SensorSpec> sensors,
                    List<NeuronSpec> neurons, List<SynapseSpec> synapses, List<ActuatorSpec> actuators) {
        this(rev, name, defaults, nodes, sensors, neurons, synapses, actuators, Duration.ZERO);
    }

    /**
     * @return true when the topology is discrete-time ({@code tick} is positive)
     * @since 0.1
     */
    public boolean isTicked() {
        return !tick.isZero();
    }

    /**
     * @param newRev the revision of the copy
     * @return this network under another revision (everything else, the tick included, kept)
     * @since 0.1
     */
    public Topology withRev(long newRev) {
        return new Topology(newRev, name, defaults, nodes, sensors, neurons, synapses, actuators, tick);
    }

    /**
     * Parses and validates a topology document of at most {@link #DEFAULT_MAX_BYTES}.
     *
     * @param utf8 the JSON document, UTF-8 encoded (a leading byte order mark is allowed)
     * @return the topology with defaults applied
     * @throws TopologyException listing every problem as {@code "<path>: <what>"}
     */
    public static Topology parse(byte[] utf8) {
        return parse(utf8, DEFAULT_MAX_BYTES);
    }

    /**
     * Parses and validates a topology document.
     *
     * @param utf8     the JSON document, UTF-8 encoded (a leading byte order mark is allowed)
     * @param maxBytes largest accepted payload, in bytes (at least 1)
     * @return the topology with defaults applied
     * @throws TopologyException listing every problem as {@code "<path>: <what>"}
     */
    public static Topology parse(byte[] utf8, int maxBytes) {
        return DocumentParser.parseResolved(checkSize(utf8, maxBytes)).topology();
    }

    /** @return the document, after checking that it has at most {@code maxBytes} */
    static byte[] checkSize(byte[] utf8, int maxBytes) {
        Check.integer("maxBytes", maxBytes, Rules.range(1, Integer.MAX_VALUE));
        Check.notNull("utf8", utf8);
        if (utf8.length > maxBytes) {
            throw new TopologyException(List.of("$: topology is " + utf8.length + " bytes; the limit is " + maxBytes));
        }
        return utf8;
    }

    /**
     * Parses and validates a topology document already held as text (no size limit applies).
     *
     * @param json the JSON document
     * @return the topology with defaults applied
     * @throws TopologyException listing every problem as {@code "<path>: <what>"}
     */
    public static Topology parse(String json) {
        return DocumentParser.parse(Check.notNull("json", json));
    }

    /**
     * The canonical form: compact JSON with every field explicit (defaults applied), fields in a fixed order and
     * elements in document order. {@code Topology.parse(t.toJson())} equals {@code t}. Computed on each call.
     *
     * @return the canonical JSON document
     */
    public String toJson() {
        return CanonicalJson.write(this);
    }

    /**
     * A fingerprint of the effective topology: equal for documents that differ only in formatting, field order,
     * or in spelling out defaults. Computed on each call (it serializes the topology).
     *
     * @return the lowercase hex SHA-256 of the UTF-8 bytes of {@link #toJson()} (64 characters)
     */
    public String contentHash() {
        return HexFormat.of().formatHex(CanonicalJson.sha256(this));
    }

    /** @return the first {@link #SHORT_HASH_LENGTH} characters of {@link #contentHash()}, for status lines */
    public String shortHash() {
        return contentHash().substring(0, SHORT_HASH_LENGTH);
    }

    /**
     * Builds the lookup tables that hot paths need. Takes time proportional to the topology's size: build it once
     * per topology and keep it.
     *
     * @return a new immutable, thread-safe index of this topology
     */
    public TopologyIndex index() {
        return new TopologyIndex(this);
    }
}
