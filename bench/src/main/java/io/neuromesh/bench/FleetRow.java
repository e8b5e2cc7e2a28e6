package io.neuromesh.bench;

import java.time.Duration;

/**
 * What {@link FleetBench} measured for one fleet size. Durations are null when the fleet did not get there within
 * the bench's bound (90 s).
 *
 * @param nodes              edge runtimes in the fleet
 * @param neurons            auto-placed neurons of the applied network
 * @param broker             the broker's label ({@code hivemq}, {@code mosquitto} or the URL)
 * @param jvms               worker JVMs the runtimes ran in
 * @param applied            from publishing the topology until the last node reported it applied
 * @param hosted             from publishing the topology until the nodes hosted every neuron exactly once
 * @param edited             from publishing an edit of the running network (a new rev changing every neuron's
 *                           threshold, moving none) until the last node reported it applied
 * @param oneDown            from crashing one node until the others hosted every neuron exactly once
 * @param oneMoved           neurons that changed node then
 * @param oneIdeal           neurons the crashed node hosted: the fewest that must move (about neurons / nodes)
 * @param manyKilled         nodes crashed at once next (10, fewer in a small fleet)
 * @param manyDown           from crashing them until the others hosted every neuron exactly once
 * @param manyMoved          neurons that changed node then
 * @param manyIdeal          neurons the crashed nodes hosted
 * @param idlePerSecond      messages published on the broker per second with no input (a {@code #} subscriber counts
 *                           each once)
 * @param statusPerSecond    of those, node statuses (heartbeats); every node subscribes to all of them, so the
 *                           broker delivers about {@code statusPerSecond * nodes} per second
 * @param statusBytesPerSecond bytes of those statuses' payloads published per second
 * @param messagesPerInput   messages published per sensor input, cascades included, idle traffic subtracted
 * @param heapPerRuntime     heap in use after GC per runtime, in bytes (the worker JVMs' total over the runtimes)
 * @param rssPerRuntime      resident memory per runtime, in bytes (the worker JVMs' total over the runtimes)
 * @since 0.2
 */
public record FleetRow(int nodes, int neurons, String broker, int jvms, Duration applied, Duration hosted,
                       Duration edited, Duration oneDown, long oneMoved, long oneIdeal, int manyKilled,
                       Duration manyDown, long manyMoved, long manyIdeal, double idlePerSecond, double statusPerSecond,
                       double statusBytesPerSecond, double messagesPerInput, long heapPerRuntime,
                       long rssPerRuntime) {

    /** Validates: counts are positive, the broker is named. */
    public FleetRow {
        if (nodes < 1 || neurons < 1 || jvms < 1) {
            throw new IllegalArgumentException("nodes, neurons, jvms: must be >= 1, got " + nodes + ", " + neurons
                    + ", " + jvms);
        }
        if (broker == null || broker.isBlank()) {
            throw new IllegalArgumentException("broker: must be named");
        }
        if (applied == null || edited == null) {
            throw new IllegalArgumentException("applied, edited: must be measured (a fleet that did not apply fails"
                    + " the run)");
        }
    }

    /** Status messages the broker delivers per second at idle: each to every node. */
    public double statusDeliveriesPerSecond() {
        return statusPerSecond * nodes;
    }

    /** Status payload bytes the broker delivers per second at idle: each to every node. */
    public double statusBytesDeliveredPerSecond() {
        return statusBytesPerSecond * nodes;
    }
}
