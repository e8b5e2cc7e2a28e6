package io.neuromesh.edge.wire;

/**
 * The version of the wire protocol, written as {@code "v":1} into every message.
 *
 * @since 0.1
 */
public final class WireVersion {

    /** The version this code writes and the newest it reads. */
    public static final int CURRENT = 1;
    /** The JSON key of the version. */
    public static final String KEY = "v";

    private WireVersion() {
    }

    /**
     * Checks a version read from a message.
     *
     * @param message the message's name, for the error, e.g. {@code "node status"}
     * @param version the value of {@code v}, as read
     * @throws WireFormatException when it is not a version this code understands
     */
    static void check(String message, long version) throws WireFormatException {
        if (version > CURRENT) {
            throw new WireFormatException(message + ": v: version " + version + " is newer than this node reads ("
                    + CURRENT + "); upgrade this node");
        }
        if (version < 1) {
            throw new WireFormatException(message + ": v: must be a version >= 1, got " + version);
        }
    }
}
