package io.neuromesh.topology.internal.validate;

import java.util.Arrays;

/**
 * The (from, to) pairs of the synapses recorded so far, to find a second synapse between the same pair: an
 * open-addressing table of entry numbers over arrays of the pairs' ends. Nothing is allocated per synapse (a map of
 * pair records made three objects per synapse, 200,000 synapses for 100,000 neurons, all kept alive until the end of
 * the parse). Ids are compared by identity: every mention of an id is one String, its {@link CrossReferences.Symbol}'s.
 * Each slot keeps the pair's hash beside its entry, so a probe past another pair reads neither its ends nor their
 * Strings (with 200,000 pairs those reads missed the cache, an eighth of parsing 100,000 neurons). Not thread-safe.
 */
final class SynapsePairs {

    private static final int MIN_SLOTS = 16;
    private static final long ENTRY_BITS = 0xFFFF_FFFFL;

    private String[] froms;
    private String[] tos;
    /** The synapse index of each entry. */
    private int[] indexes;
    private int size;
    /** Per slot: the pair's hash in the high half, its entry number + 1 in the low half; 0 when free. Half full. */
    private long[] slots;

    /** @param expected about how many synapses will be recorded */
    SynapsePairs(int expected) {
        int capacity = Math.max(MIN_SLOTS / 2, expected);
        froms = new String[capacity];
        tos = new String[capacity];
        indexes = new int[capacity];
        slots = new long[Math.max(MIN_SLOTS, Integer.highestOneBit(Math.max(1, capacity) * 2 - 1) * 2)];
    }

    /**
     * Records the pair of {@code synapses[index]}, unless an earlier synapse has it.
     *
     * @param from the source id: its symbol's String
     * @param to   the target id: its symbol's String
     * @return the index of the earlier synapse with the same pair, or -1 when the pair is new
     */
    int add(int index, String from, String to) {
        int hash = hash(from, to);
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            long taken = slots[slot];
            if (taken == 0) {
                break;
            }
            int entry = (int) (taken & ENTRY_BITS) - 1;
            if ((int) (taken >>> 32) == hash && froms[entry] == from && tos[entry] == to) {
                return indexes[entry];
            }
        }
        append(index, from, to, hash);
        return -1;
    }

    private void append(int index, String from, String to, int hash) {
        if (size == froms.length) {
            froms = Arrays.copyOf(froms, size * 2);
            tos = Arrays.copyOf(tos, size * 2);
            indexes = Arrays.copyOf(indexes, size * 2);
        }
        froms[size] = from;
        tos[size] = to;
        indexes[size] = index;
        size++;
        if (size * 2 > slots.length) {
            long[] old = slots;
            slots = new long[old.length * 2];
            for (long taken : old) {
                if (taken != 0) {
                    place(taken);
                }
            }
        }
        place(((long) hash << 32) | size);
    }

    private void place(long taken) {
        int mask = slots.length - 1;
        int slot = (int) (taken >>> 32) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = taken;
    }

    private static int hash(String from, String to) {
        int h = from.hashCode() * 31 + to.hashCode();
        // Spread the high bits down: the table uses the low ones, and ids that differ in one character hash closely.
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
