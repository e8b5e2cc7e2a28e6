package io.neuromesh.edge.internal.neuron;

import java.util.ArrayList;
import java.util.List;

/**
 * A neuron's recent events: a ring buffer in parallel primitive arrays, so that 100,000 neurons can keep a history
 * without an object per event. It starts small and grows to its capacity; the oldest events are overwritten.
 * Not thread-safe: owned by the runtime's brain thread.
 */
public final class EventLog {

    /** Default number of events kept per neuron. */
    public static final int DEFAULT_CAPACITY = 32;
    /** Most of 100,000 neurons log one event (their restore) and nothing for a long time: small until they do. */
    private static final int INITIAL = 2;

    /** One event, copied out of the ring for readers. */
    public record Event(long epochMicros, EventKind kind, String source, double value, double sum) {
    }

    // Until the first event, every log shares these (a node applying 100,000 neurons makes as many logs).
    private static final long[] NO_TIMES = {};
    private static final byte[] NO_KINDS = {};
    private static final String[] NO_SOURCES = {};
    private static final double[] NO_VALUES = {};

    private final int capacity;
    private long[] times = NO_TIMES;
    private byte[] kinds = NO_KINDS;
    private String[] sources = NO_SOURCES;
    private double[] values = NO_VALUES;
    private double[] sums = NO_VALUES;
    /** Throttles of the kinds logged through {@link #addLimited}, by ordinal; made on first use. */
    private EventThrottle[] throttles;
    private int next;
    private int size;
    private long total;

    public EventLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Appends an event; {@code source} may be null. */
    public void add(long epochMicros, EventKind kind, String source, double value, double sum) {
        if (size == times.length && size < capacity) {
            grow();
        }
        times[next] = epochMicros;
        kinds[next] = (byte) kind.ordinal();
        sources[next] = source;
        values[next] = value;
        sums[next] = sum;
        next = (next + 1) % times.length;
        size = Math.min(size + 1, times.length);
        total++;
    }

    /**
     * Appends an event of a kind that can flood (a rejected or ignored input), at most one a second per kind; the
     * logged one carries, as its value, how many were left out since the previous one.
     */
    public void addLimited(long epochMicros, EventKind kind, String source, double sum) {
        if (throttles == null) {
            throttles = new EventThrottle[EventKind.values().length];
        }
        EventThrottle throttle = throttles[kind.ordinal()];
        if (throttle == null) {
            throttle = new EventThrottle();
            throttles[kind.ordinal()] = throttle;
        }
        long more = throttle.admit(epochMicros);
        if (more != EventThrottle.FOLDED) {
            add(epochMicros, kind, source, more, sum);
        }
    }

    private void grow() {
        int length = Math.min(capacity, Math.max(INITIAL, times.length * 2));
        List<Event> kept = size == 0 ? List.of() : events(0);
        times = new long[length];
        kinds = new byte[length];
        sources = new String[length];
        values = new double[length];
        sums = new double[length];
        next = 0;
        size = 0;
        for (Event e : kept) {
            times[next] = e.epochMicros();
            kinds[next] = (byte) e.kind().ordinal();
            sources[next] = e.source();
            values[next] = e.value();
            sums[next] = e.sum();
            next++;
            size++;
        }
        next %= length;
    }

    /** Events at or after {@code sinceMicros}, oldest first. */
    public List<Event> events(long sinceMicros) {
        List<Event> out = new ArrayList<>(size);
        int start = (next - size + times.length) % Math.max(1, times.length);
        EventKind[] all = EventKind.values();
        for (int i = 0; i < size; i++) {
            int at = (start + i) % times.length;
            if (times[at] >= sinceMicros) {
                out.add(new Event(times[at], all[kinds[at]], sources[at], values[at], sums[at]));
            }
        }
        return out;
    }

    /** Forgets all events (the reference's {@code emptyLog}). */
    public void clear() {
        size = 0;
        next = 0;
    }

    /** Events ever added, including overwritten ones. */
    public long total() {
        return total;
    }
}
