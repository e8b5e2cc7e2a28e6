package io.neuromesh.mqtt;

/**
 * The project's one lifecycle: NEW, then STARTED, then CLOSED, each step at most once. Parts that start and close
 * (workers, clients, presence) keep their phase here instead of a flag of their own.
 *
 * <p>Threading: every method is thread-safe; {@link #start(String, Runnable, Runnable, Runnable)} runs the wiring
 * under this object's lock and waits for readiness outside it, so that a {@link #close()} from another thread can
 * end the wait.
 */
public final class Lifecycle {

    /** Where a lifecycle is. */
    public enum Phase { NEW, STARTED, CLOSED }

    // Written under this object's lock; volatile so that phase() is a plain read on hot paths (e.g. every submit).
    private volatile Phase phase = Phase.NEW;

    /** Moves from NEW to STARTED; false when it was started or closed already. */
    public synchronized boolean start() {
        if (phase != Phase.NEW) {
            return false;
        }
        phase = Phase.STARTED;
        return true;
    }

    /**
     * The blocking {@code start()} of a part: refuses a closed part, wires it on the first call only, then waits
     * until it is ready; when the wait fails, closes the part and rethrows.
     *
     * @param part       names the part in the error, e.g. {@code "worker w1"}
     * @param wire       subscribes, listens and starts the part's threads; runs once, under this lifecycle's lock
     * @param awaitReady returns when the part is ready, or throws {@link MqttLinkException} saying why
     * @param closePart  the part's {@code close()}, run when {@code awaitReady} failed
     * @throws MqttLinkException when the part is closed, or from {@code awaitReady}
     */
    public void start(String part, Runnable wire, Runnable awaitReady, Runnable closePart) {
        synchronized (this) {
            if (phase == Phase.CLOSED) {
                throw new MqttLinkException(part + " is closed");
            }
            if (phase == Phase.NEW) {
                phase = Phase.STARTED;
                wire.run();
            }
        }
        try {
            awaitReady.run();
        } catch (MqttLinkException e) {
            closePart.run();
            throw e;
        }
    }

    /** Moves to CLOSED and returns the phase it left ({@link Phase#CLOSED} when closed already). */
    public synchronized Phase close() {
        Phase was = phase;
        phase = Phase.CLOSED;
        return was;
    }

    /** Where it is now. */
    public Phase phase() {
        return phase;
    }
}
