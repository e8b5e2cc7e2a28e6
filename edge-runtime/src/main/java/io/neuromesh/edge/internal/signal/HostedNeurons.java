package io.neuromesh.edge.internal.signal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** The neurons running on this node, by id. Brain thread only. */
public final class HostedNeurons {

    private final Map<String, HostedNeuron> byId = new HashMap<>();
    private long version;

    public HostedNeuron get(String id) {
        return byId.get(id);
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public void add(HostedNeuron h) {
        byId.put(h.id(), h);
        version++;
    }

    public void remove(String id) {
        byId.remove(id);
        version++;
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

    /** Hosted ids, sorted. */
    public SortedSet<String> ids() {
        return new TreeSet<>(byId.keySet());
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
