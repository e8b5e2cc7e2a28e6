package io.neuromesh.edge.wire;

/**
 * What a node did with one topology message; on the wire its lower-case name ({@code "applied"}).
 *
 * @since 0.1
 */
public enum TopologyOutcome {
    /** It runs the new topology now. */
    APPLIED,
    /** It refused it (invalid, not newer than the running rev, or a pin it cannot open) and runs the previous one. */
    REJECTED,
    /** The same rev and content again (e.g. a retained redelivery after a reconnect): nothing changed. */
    UNCHANGED;

    /** The name on the wire, e.g. {@code applied}. */
    public String wireName() {
        return JsonMessage.wireName(this);
    }
}
