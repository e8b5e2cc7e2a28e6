package io.neuromesh.edge.internal.signal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** The neurons running on this node, by id. Brain thread only. */
public final class HostedNeurons {

    private final Map<String, HostedNeuron> byId = new HashMap<>();
    private long version;
    /** The sorted ids as last asked for; null after a change. Every control event and status asks for it. */
    private SortedSet<String> ids;

    public HostedNeuron get(String id) {
        return byId.get(id);
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public void add(HostedNeuron h) {
        byId.put(h.id(), h);
        version++;
        ids = null;
    }

    public void remove(String id) {
        if (byId.remove(id) != null) {
            version++;
            ids = null;
        }
    }

    /** @return a number that changes whenever a neuron is added or removed */
    public long version() {
        return version;
    }

    public int size() {
        return byId.size();
    }

    public Collection<HostedNeuron> all() {
        return byId.values();
    }

    /** Hosted ids, sorted; an unmodifiable snapshot, built again only after the hosted set changed. */
    public SortedSet<String> ids() {
        if (ids == null) {
            ids = Collections.unmodifiableSortedSet(new TreeSet<>(byId.keySet()));
        }
        return ids;
    }

    /** Hosted neurons that placement could move to another node (they have no {@code node} of their own). */
    public List<String> movableIds() {
        List<String> ids = new ArrayList<>();
        byId.values().forEach(h -> {
            if (!h.spec().isPinned()) {
                ids.add(h.id());
            }
        });
        return ids;
    }
}
