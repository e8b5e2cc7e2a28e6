package io.neuromesh.broker.internal;

/**
 * The concrete ports a started broker listens on.
 *
 * @param plain the plain MQTT port, or {@link #NONE}
 * @param tls   the MQTT-over-TLS port, or {@link #NONE}
 */
record Ports(int plain, int tls) {

    /** No such listener (a listener that is on never has port 0 here: it was chosen before the start). */
    static final int NONE = 0;

    boolean hasPlain() {
        return plain != NONE;
    }

    boolean hasTls() {
        return tls != NONE;
    }
}
