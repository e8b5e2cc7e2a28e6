package io.neuromesh.topology.internal.validate;

import java.util.Arrays;

/**
 * The (from, to) pairs of the synapses recorded so far, to find a second synapse between the same pair: an
 * open-addressing table of entry numbers over arrays of the pairs' ends. Nothing is allocated per synapse (a map of
 * pair records made three objects per synapse, 200,000 synapses for 100,000 neurons, all kept alive until the end of
 * the parse). Not thread-safe.
 */
final class SynapsePairs {

    private static final int MIN_SLOTS = 16;

    private String[] froms;
    private String[] tos;
    /** The synapse index of each entry. */
    private int[] indexes;
    private int size;
    /** Entry number + 1 in each slot, 0 when the slot is free; at most half full. */
    private int[] slots;

    /** @param expected about how many synapses will be recorded */
    SynapsePairs(int expected) {
        int capacity = Math.max(MIN_SLOTS / 2, expected);
        froms = new String[capacity];
        tos = new String[capacity];
        indexes = new int[capacity];
        slots = new int[Math.max(MIN_SLOTS, Integer.highestOneBit(Math.max(1, capacity) * 2 - 1) * 2)];
    }

    /**
     * Records the pair of {@code synapses[index]}, unless an earlier synapse has it.
     *
     * @return the index of the earlier synapse with the same pair, or -1 when the pair is new
     */
    int add(int index, String from, String to) {
        int mask = slots.length - 1;
        for (int slot = hash(from, to) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                break;
            }
            if (from.equals(froms[entry]) && to.equals(tos[entry])) {
                return indexes[entry];
            }
        }
        append(index, from, to);
        return -1;
    }

    private void append(int index, String from, String to) {
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
            slots = new int[slots.length * 2];
            for (int entry = 0; entry < size; entry++) {
                place(entry);
            }
        } else {
            place(size - 1);
        }
    }

    private void place(int entry) {
        int mask = slots.length - 1;
        int slot = hash(froms[entry], tos[entry]) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = entry + 1;
    }

    private static int hash(String from, String to) {
        int h = from.hashCode() * 31 + to.hashCode();
        // Spread the high bits down: the table uses the low ones, and ids that differ in one character hash closely.
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
