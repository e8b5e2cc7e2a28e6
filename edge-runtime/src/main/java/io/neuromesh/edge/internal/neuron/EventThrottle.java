package io.neuromesh.edge.internal.neuron;

/**
 * At most one event per {@link #PERIOD_MICROS}: a flood of bad inputs leaves one line a second in a neuron's log
 * (which keeps only its last events) instead of pushing everything else out, and says how many it folded. Two
 * primitive fields, no allocation per call. Not thread-safe: owned by the brain thread.
 */
public final class EventThrottle {

    /** One event per second. */
    public static final long PERIOD_MICROS = 1_000_000;
    /** What {@link #admit} returns for an event that is folded into the next one. */
    public static final long FOLDED = -1;

    private long nextMicros = Long.MIN_VALUE;
    private long folded;

    /**
     * An event happened at {@code nowMicros}.
     *
     * @return {@link #FOLDED} when it is not to be logged (it is counted), else how many were folded since the
     *         previous logged one ("and N more")
     */
    public long admit(long nowMicros) {
        if (nowMicros < nextMicros) {
            folded++;
            return FOLDED;
        }
        nextMicros = nowMicros + PERIOD_MICROS;
        long more = folded;
        folded = 0;
        return more;
    }
}
