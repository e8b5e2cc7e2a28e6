package io.neuromesh.mqtt.internal.presence;

/** NEW, then STARTED, then CLOSED, each step at most once. Not thread-safe: its owner synchronizes. */
public final class Lifecycle {

    /** Where a lifecycle is. */
    public enum Phase { NEW, STARTED, CLOSED }

    private Phase phase = Phase.NEW;

    /** Moves from NEW to STARTED; false when it was started or closed already. */
    public boolean start() {
        if (phase != Phase.NEW) {
            return false;
        }
        phase = Phase.STARTED;
        return true;
    }

    /** Moves to CLOSED and returns the phase it left ({@link Phase#CLOSED} when closed already). */
    public Phase close() {
        Phase was = phase;
        phase = Phase.CLOSED;
        return was;
    }
}
