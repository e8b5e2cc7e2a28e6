package io.neuromesh.flows.internal.submit;

import java.util.LinkedHashSet;
import java.util.Set;

/** What one client knows of one worker: from its status, and which of this client's tasks it holds. */
final class WorkerView {

    final String name;
    Set<String> queues = Set.of();
    int capacity;
    boolean online;
    /** Ids of this client's tasks the worker holds, in the order they were sent. */
    final Set<String> assigned = new LinkedHashSet<>();
    /** Envelope number of the last message sent to it: the least recently used wins a tie. */
    long lastSent;

    WorkerView(String name) {
        this.name = name;
    }

    int free() {
        return capacity - assigned.size();
    }
}
