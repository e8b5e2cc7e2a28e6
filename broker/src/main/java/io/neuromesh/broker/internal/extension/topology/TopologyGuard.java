package io.neuromesh.broker.internal.extension.topology;

import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyException;
import io.neuromesh.topology.TopologyVersion;
import org.tinylog.Logger;

import java.time.Duration;
import java.util.List;

/**
 * Keeps the retained topology the fleet's one source of truth: decides whether a publish on {@link #TOPIC} may
 * replace it. Refused are an empty payload (it would clear the retained topology), a publish that is not retained
 * (nodes would run a document that later nodes never get), an invalid document, and a valid one whose rev is lower
 * than the accepted one's, or equal with other content. A re-publish of the accepted document (same rev and hash)
 * is allowed.
 *
 * <p>Threading: thread-safe. Decisions are serialized, so two concurrent publishes of the same new rev cannot both
 * pass against the same old one; parsing, the slow part, runs outside the lock.
 */
public final class TopologyGuard {

    /** The topic the guard watches; every other topic is none of its business. */
    public static final String TOPIC = "neuromesh/topology";

    static final String CLEAR_REFUSED = "clearing " + TOPIC + " is refused: every node would keep running its last "
            + "topology while new nodes got none; publish a newer rev instead";
    static final String NOT_RETAINED = TOPIC + " must be published retained: nodes would run a topology that a node "
            + "starting later never gets; publish it again with the retain flag";
    /** How long an accepted document waits before it is hashed, unless its hash is needed sooner. */
    static final Duration HASH_LATER = Duration.ofSeconds(5);
    /** Room for the error list in a reason string, leaving space for the count that follows it. */
    private static final int ERRORS_TEXT_LIMIT = 400;

    private final Object lock = new Object();
    /** The topology the broker holds, or null when it holds no valid one. Guarded by {@link #lock}. */
    private TopologyVersion accepted;

    /**
     * Adopts what the broker retains at start, so that its state survives a restart. An invalid retained document
     * (published before the guard existed, or while it was off) is not adopted: any valid topology may replace it.
     *
     * @param retained the retained payload on {@link #TOPIC}, empty when nothing is retained
     */
    public void adoptRetained(byte[] retained) {
        if (retained.length == 0) {
            Logger.info("Topology guard on: no topology is retained yet");
            return;
        }
        try {
            TopologyVersion adopted = TopologyVersion.of(Topology.parse(retained));
            synchronized (lock) {
                accepted = adopted;
            }
            Logger.info("Topology guard on: the retained topology is rev {} (hash {})", adopted.rev(),
                    adopted.shortHash());
        } catch (TopologyException e) {
            Logger.warn("Topology guard on: the retained topology is not valid ({}); any valid topology may replace it",
                    describe(e.errors()));
        }
    }

    /**
     * Decides about one publish on {@link #TOPIC}; an allowed valid topology becomes the accepted one.
     *
     * @param payload  the published bytes
     * @param retained whether the publish carries the retain flag
     * @return allow, or a refusal with its reason code and reason string
     */
    public Verdict check(byte[] payload, boolean retained) {
        if (payload.length == 0) {
            return Verdict.refuse(AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR, CLEAR_REFUSED);
        }
        if (!retained) {
            return Verdict.refuse(AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR, NOT_RETAINED);
        }
        TopologyVersion candidate;
        try {
            // Hashed only a few seconds later (or at once for a publish of the same rev): the nodes parse the document
            // right after this lets it through, and on a machine that also runs nodes the hash took their cores.
            candidate = TopologyVersion.deferred(Topology.parse(payload), HASH_LATER);
        } catch (TopologyException e) {
            return Verdict.refuse(AckReasonCode.PAYLOAD_FORMAT_INVALID, describe(e.errors()));
        }
        synchronized (lock) {
            if (accepted != null && !candidate.supersedes(accepted)) {
                return Verdict.refuse(AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR, "rev " + candidate.rev()
                        + " is not newer than the retained rev " + accepted.rev() + " (hash " + accepted.shortHash()
                        + "); publish rev " + (accepted.rev() + 1) + " or higher");
            }
            accepted = candidate;
            return Verdict.allow();
        }
    }

    /** The first errors, as many as fit, then how many there are in all. */
    static String describe(List<String> errors) {
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (String error : errors) {
            String separator = shown == 0 ? "" : "; ";
            if (shown > 0 && text.length() + separator.length() + error.length() > ERRORS_TEXT_LIMIT) {
                break;
            }
            text.append(separator).append(error);
            shown++;
        }
        if (text.length() > ERRORS_TEXT_LIMIT) {
            text.setLength(ERRORS_TEXT_LIMIT - 3);
            text.append("...");
        }
        String count = errors.size() == 1 ? "1 error" : errors.size() + " errors";
        return text + " (not a valid topology: " + count + (shown < errors.size() ? ", " + shown + " shown)" : ")");
    }
}
