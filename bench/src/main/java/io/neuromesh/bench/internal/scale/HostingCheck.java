package io.neuromesh.bench.internal.scale;

import java.util.Collection;

/**
 * Whether the live nodes together host every neuron exactly once, checked from counts and hash sums so that workers
 * need not send neuron lists: a neuron hosted twice or nowhere changes the sum of hashes (with probability 1 - 2^-64).
 */
public final class HostingCheck {

    private HostingCheck() {
    }

    /** The sum of a 64-bit mix of each id's hash. */
    public static long hash(Collection<String> neurons) {
        long sum = 0;
        for (String neuron : neurons) {
            sum += mix(neuron.hashCode());
        }
        return sum;
    }

    /** SplitMix64's finaliser: spreads a 32-bit string hash over 64 bits. */
    private static long mix(long x) {
        long z = x * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
