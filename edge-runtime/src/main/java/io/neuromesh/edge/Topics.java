package io.neuromesh.edge;

/**
 * The MQTT topics of a Neuromesh fleet (the user contract). All are plain strings so that {@code mosquitto_sub}
 * users can type them.
 *
 * @since 0.1
 */
public final class Topics {

    /** Prefix of a neuron's input topic: {@code neuron/<id>}. */
    public static final String INPUT_PREFIX = "neuron/";
    /** Suffix of a neuron's retained output topic: {@code neuron/<id>/output}. */
    public static final String OUTPUT_SUFFIX = "/output";
    /** Suffix of a neuron's retained state topic: {@code neuron/<id>/state}. */
    public static final String STATE_SUFFIX = "/state";
    /** Every neuron's output, for watchers. */
    public static final String ALL_OUTPUTS = "neuron/+/output";
    /** The retained topology. */
    public static final String TOPOLOGY = "neuromesh/topology";
    /**
     * The revisions the whole fleet applied ({@link io.neuromesh.edge.wire.AppliedHistory}, retained); each one's
     * document is retained on {@link #topologyRevision(long)}.
     */
    public static final String TOPOLOGY_HISTORY = "neuromesh/topology/history";
    /** Prefix of per-node topics: {@code neuromesh/nodes/<node>/...}. */
    public static final String NODES_PREFIX = "neuromesh/nodes/";
    /** Every node's retained status. */
    public static final String ALL_STATUSES = "neuromesh/nodes/+/status";
    /** Every node's retained topology result. */
    public static final String ALL_TOPOLOGY_RESULTS = "neuromesh/nodes/+/topology";
    /** Filter of every node's records of peers it saw go ({@link #nodeSeen}). */
    public static final String ALL_SEEN = "neuromesh/nodes/+/seen/+";
    /** Fleet-wide request for recent neuron events (request/response with MQTT 5 correlation data). */
    public static final String REQUEST_LOGS = "neuromesh/request/logs";
    /** Fleet-wide request for one neuron's state; only its host answers. */
    public static final String REQUEST_INSPECT = "neuromesh/request/inspect";
    /** Fleet-wide request to forget recent neuron events (the reference's {@code emptyLogs}). */
    public static final String REQUEST_CLEAR_LOGS = "neuromesh/request/clear-logs";

    private Topics() {
    }

    /** {@code neuron/<id>}: where inputs to a neuron are published. */
    public static String input(String neuron) {
        return INPUT_PREFIX + neuron;
    }

    /**
     * {@code neuromesh/sensors/<id>/set}: sets a virtual sensor (payload {@code 1}/{@code 0}, {@code ON}/{@code OFF} or
     * a number); the node that announces the sensor to Home Assistant feeds the value to every neuron it feeds.
     */
    public static String sensorSet(String sensor) {
        return "neuromesh/sensors/" + sensor + "/set";
    }

    /** {@code neuron/<id>/output}: the neuron's retained output. */
    public static String output(String neuron) {
        return INPUT_PREFIX + neuron + OUTPUT_SUFFIX;
    }

    /**
     * {@code neuron/<id>/state}: the last value of each sensor feeding the neuron (retained), so that a neuron that
     * moves to another node, or whose node restarts, resumes with its inputs.
     */
    public static String state(String neuron) {
        return INPUT_PREFIX + neuron + STATE_SUFFIX;
    }

    /** {@code neuromesh/topology/history/<rev>}: the document of a revision the fleet applied, as published. */
    public static String topologyRevision(long rev) {
        return TOPOLOGY_HISTORY + "/" + rev;
    }

    /** {@code neuromesh/nodes/<node>/status}: the node's retained status (its Last Will says offline). */
    public static String nodeStatus(String node) {
        return NODES_PREFIX + node + "/status";
    }

    /**
     * {@code neuromesh/nodes/<reporter>/seen/<peer>}: retained, the offline status of {@code peer} with the time
     * {@code reporter} saw its Last Will; cleared when the peer is back. In the reporter's own subtree, since no node
     * may write another's.
     */
    public static String nodeSeen(String reporter, String peer) {
        return NODES_PREFIX + reporter + "/seen/" + peer;
    }

    /** {@code neuromesh/nodes/<node>/topology}: the node's retained result of the last topology message. */
    public static String nodeTopology(String node) {
        return NODES_PREFIX + node + "/topology";
    }

    /** {@code neuromesh/nodes/<node>/gpio/<pin>}: a pin's retained state, for watchers. */
    public static String nodeGpio(String node, int pin) {
        return NODES_PREFIX + node + "/gpio/" + pin;
    }

    /** {@code neuromesh/nodes/<node>/request/gpio-set}: drive a simulated input pin of that node (request/response). */
    public static String gpioSetRequest(String node) {
        return NODES_PREFIX + node + "/request/gpio-set";
    }

    /** The node id in a {@code neuromesh/nodes/<node>/...} topic, or null. */
    public static String nodeOf(String topic) {
        if (!topic.startsWith(NODES_PREFIX)) {
            return null;
        }
        int end = topic.indexOf('/', NODES_PREFIX.length());
        return end < 0 ? null : topic.substring(NODES_PREFIX.length(), end);
    }

    /** The neuron id in a {@code neuron/<id>} or {@code neuron/<id>/output} topic, or null. */
    public static String neuronOf(String topic) {
        if (!topic.startsWith(INPUT_PREFIX)) {
            return null;
        }
        int end = topic.indexOf('/', INPUT_PREFIX.length());
        return end < 0 ? topic.substring(INPUT_PREFIX.length()) : topic.substring(INPUT_PREFIX.length(), end);
    }
}
