package io.neuromesh.bench.internal.broker;

/** A broker the bench should start is not available on this machine; scenarios on it are skipped. */
public final class BrokerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param reason why, e.g. {@code mosquitto not installed: apt-get install mosquitto} */
    public BrokerUnavailableException(String reason) {
        super(reason);
    }
}
