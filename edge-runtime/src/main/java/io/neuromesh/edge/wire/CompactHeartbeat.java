package io.neuromesh.edge.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The hosted set of a compact heartbeat ({@link NodeStatusCodec#encodeHeartbeat}), which names it by count and
 * digest instead of listing it, and how a reader merges such a heartbeat into the last full status it holds of the
 * node. Thread-safe; its only state is a cache of digests.
 */
final class CompactHeartbeat {

    /** Hex digits of {@link #digest}: 64 bits, so that two hosted sets of one node never share one by chance. */
    static final int DIGEST_LENGTH = 16;
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{" + DIGEST_LENGTH + "}");

    /** Digests by list identity: a node's hosted list is hashed once per change, not on every heartbeat. */
    private static final ListMemo<String> DIGESTS = new ListMemo<>();

    private CompactHeartbeat() {
    }

    /**
     * The digest of a hosted list in the order the status lists it: the first {@link #DIGEST_LENGTH} lowercase hex
     * digits of the SHA-256 of the ids, each followed by a line feed (no id contains one), in UTF-8.
     *
     * @param neurons an unmodifiable list, as {@link NodeStatus#neurons()} is: its digest is cached by identity
     */
    static String digest(List<String> neurons) {
        return DIGESTS.get(neurons, CompactHeartbeat::compute);
    }

    private static String compute(List<String> neurons) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
        for (String neuron : neurons) {
            sha256.update(neuron.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha256.digest()).substring(0, DIGEST_LENGTH);
    }

    /** @throws IllegalArgumentException when {@code digest} is not one {@link #digest} writes */
    static String requireDigest(String digest) {
        if (!DIGEST.matcher(digest).matches()) {
            throw new IllegalArgumentException("neuronsDigest: must be " + DIGEST_LENGTH
                    + " lowercase hex digits, got \"" + digest + "\"");
        }
        return digest;
    }

    /**
     * A compact heartbeat read with the status {@code held} of its node (null when the reader holds none): the
     * heartbeat's fields with the hosted list of {@code held} when its count and digest match that list; else with
     * the last list known ({@code held}'s when it is live, none otherwise) and {@link NodeStatus#neuronsKnown()}
     * false. Never an empty set passed off as known.
     *
     * @param heartbeat the heartbeat as read, with no neurons
     */
    static NodeStatus merge(NodeStatus heartbeat, long neuronCount, String neuronsDigest, NodeStatus held) {
        List<String> last = held != null && held.node().equals(heartbeat.node()) && held.running().isPresent()
                ? held.neurons() : List.of();
        boolean known = last.size() == neuronCount && digest(last).equals(neuronsDigest);
        return new NodeStatus(heartbeat.state(), heartbeat.node(), last, heartbeat.timestamp(), heartbeat.running(),
                heartbeat.reason(), heartbeat.reportedBy(), known);
    }

    /**
     * True when {@code now} says nothing that {@code retained} does not, apart from the liveness a heartbeat
     * refreshes: its time stamp, load and counters ({@code ts}, {@code inputsPerSecond}, {@code queue},
     * {@code heapUsedMb}, {@code heapMaxMb}, {@code malformed}, {@code dropped}) and announced interval
     * ({@code heartbeatMs}, and the allowance that grows with it, {@code offlineAfterMs}). Only then may {@code now}
     * go as a compact heartbeat.
     */
    static boolean onlyLivenessDiffers(NodeStatus retained, NodeStatus now) {
        if (retained.running().isEmpty() || now.running().isEmpty()) {
            return false;
        }
        NodeStatus.Running was = retained.running().get();
        NodeStatus.Running is = now.running().get();
        return retained.state() == now.state() && retained.node().equals(now.node())
                && retained.neuronsKnown() && now.neuronsKnown()
                && was.instance().equals(is.instance()) && was.rev() == is.rev() && was.hash().equals(is.hash())
                && was.since().equals(is.since()) && was.topologyProblem().equals(is.topologyProblem())
                && was.heartbeats() == is.heartbeats()
                // Identity first: the runtime keeps one list until its hosted set changes.
                && (retained.neurons() == now.neurons() || Objects.equals(retained.neurons(), now.neurons()));
    }
}
