package io.neuromesh.edge.wire;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * What was computed from a hosted list, remembered by the list's identity. A runtime keeps one unmodifiable list until
 * its hosted set changes, and a reader keeps the list it holds through the heartbeats it merges, so work over a list
 * of 100,000 ids (its digest, the check of every id) is done once per change, not on every heartbeat on each side.
 * Weak references: a list no status holds any more is not kept. Thread-safe; a few slots, an entry overwritten by
 * another list with the same slot is computed again.
 *
 * @param <V> what is remembered
 */
final class ListMemo<V> {

    private static final int SLOTS = 64;

    private record Entry<V>(WeakReference<List<String>> list, V value) {
    }

    private final AtomicReferenceArray<Entry<V>> entries = new AtomicReferenceArray<>(SLOTS);

    /**
     * @param list    an unmodifiable list
     * @param compute computes the value for a list met first (or again after its entry was overwritten); what it
     *                throws is thrown here, and nothing is remembered
     * @return the value for {@code list}
     */
    V get(List<String> list, Function<List<String>, V> compute) {
        int slot = Math.floorMod(System.identityHashCode(list), SLOTS);
        Entry<V> entry = entries.get(slot);
        if (entry != null && entry.list().get() == list) {
            return entry.value();
        }
        V value = compute.apply(list);
        entries.set(slot, new Entry<>(new WeakReference<>(list), value));
        return value;
    }
}
