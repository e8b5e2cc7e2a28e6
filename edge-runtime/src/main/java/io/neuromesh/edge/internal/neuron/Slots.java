package io.neuromesh.edge.internal.neuron;

import java.util.HashMap;
import java.util.Map;

/**
 * A neuron's input slots, one per incoming synapse: its source, its weight and the latest input (value and when), in
 * parallel arrays in a fixed order (sources kept by a reconfiguration stay where they were, new ones follow in the
 * order given; the weighted sum adds them in that order). A neuron has few sources: a map entry and an object per
 * source were about a third of a hosted neuron's heap. Sources are found by a scan, identity first, or by a map for a
 * neuron with more than {@link #SCAN_LIMIT} of them. Not thread-safe: its neuron's.
 */
final class Slots {

    /** Up to this many sources a scan finds one faster than a hash map would. */
    static final int SCAN_LIMIT = 8;
    /** {@link #at} of a source no input has come from. */
    private static final long NEVER = Long.MIN_VALUE;
    private static final String[] NO_SOURCES = {};
    private static final double[] NO_DOUBLES = {};
    private static final long[] NO_TIMES = {};

    // Empty until the neuron's constructor weighs them: shared, so that a neuron allocates its arrays once.
    private String[] sources = NO_SOURCES;
    private double[] weights = NO_DOUBLES;
    private double[] values = NO_DOUBLES;
    private long[] at = NO_TIMES;
    /** Position by source, for a neuron above {@link #SCAN_LIMIT} sources; null otherwise. */
    private Map<String, Integer> positions;

    /**
     * Sets the sources and their weights: the inputs of the sources kept stay, a source dropped forgets its input.
     *
     * @param next weight by source, in the order new sources are to take
     */
    void weigh(Map<String, Double> next) {
        int size = next.size();
        String[] keptSources = new String[size];
        double[] keptWeights = new double[size];
        double[] keptValues = new double[size];
        long[] keptAt = new long[size];
        int n = 0;
        for (int i = 0; i < sources.length; i++) {
            Double weight = next.get(sources[i]);
            if (weight != null) {
                keptSources[n] = sources[i];
                keptWeights[n] = weight;
                keptValues[n] = values[i];
                keptAt[n++] = at[i];
            }
        }
        int kept = n;
        for (Map.Entry<String, Double> weight : next.entrySet()) {
            if (kept == 0 || find(weight.getKey()) < 0) {
                keptSources[n] = weight.getKey();
                keptWeights[n] = weight.getValue();
                keptAt[n++] = NEVER;
            }
        }
        sources = keptSources;
        weights = keptWeights;
        values = keptValues;
        at = keptAt;
        positions = null;
        if (size > SCAN_LIMIT) {
            positions = HashMap.newHashMap(size);
            for (int i = 0; i < size; i++) {
                positions.put(sources[i], i);
            }
        }
    }

    /** The position of {@code source}, or -1 when it has no synapse here. */
    int find(String source) {
        if (positions != null) {
            Integer position = positions.get(source);
            return position == null ? -1 : position;
        }
        // Identity first, in a loop of its own: the ids of one topology are shared instances, so this one finds the
        // source nearly always; one loop of equals() measured 13.8-13.9 -> 14.0-17.1 ns per input (NeuronBenchmark).
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] == source) {
                return i;
            }
        }
        for (int i = 0; i < sources.length; i++) {
            if (sources[i].equals(source)) {
                return i;
            }
        }
        return -1;
    }

    /** The input at {@code position} is now {@code value}, received at {@code now} (epoch microseconds). */
    void set(int position, double value, long now) {
        values[position] = value;
        at[position] = now;
    }

    int size() {
        return sources.length;
    }

    String source(int position) {
        return sources[position];
    }

    double weight(int position) {
        return weights[position];
    }

    /** Whether an input has come from the source at {@code position}. */
    boolean present(int position) {
        return at[position] != NEVER;
    }

    double value(int position) {
        return values[position];
    }

    /** When the latest input from the source at {@code position} came (epoch microseconds); only if present. */
    long at(int position) {
        return at[position];
    }

    /** Whether the sources and weights are {@code other}'s: the same sources with equal weights, in any order. */
    boolean weighs(Map<String, Double> other) {
        if (other.size() != sources.length) {
            return false;
        }
        for (Map.Entry<String, Double> weight : other.entrySet()) {
            int position = find(weight.getKey());
            if (position < 0 || Double.compare(weights[position], weight.getValue()) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The weighted sum of the inputs present, in source order: all of them ({@code windowMicros} < 0), else those
     * received less than {@code windowMicros} before {@code now}.
     */
    double sum(long now, long windowMicros) {
        double sum = 0;
        for (int i = 0; i < sources.length; i++) {
            if (at[i] != NEVER && (windowMicros < 0 || now - at[i] < windowMicros)) {
                sum += weights[i] * values[i];
            }
        }
        return sum;
    }
}
