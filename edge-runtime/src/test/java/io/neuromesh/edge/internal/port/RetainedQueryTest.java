package io.neuromesh.edge.internal.port;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retained state a restore reads, told by neuron id. */
class RetainedQueryTest {

    private final RetainedQuery query = new RetainedQuery(Set.of("a", "b"), Set.of("b"));

    @Test
    void itWantsTheOutputsAndSensorStatesOfItsNeuronsOnly() {
        assertTrue(query.wants("neuron/a/output"));
        assertTrue(query.wants("neuron/b/state"));
        assertFalse(query.wants("neuron/a/state"), "a's state was not asked for");
        assertFalse(query.wants("neuron/c/output"), "nor c at all");
        assertFalse(query.wants("neuron/a"), "an input topic");
        assertFalse(query.wants("neuron/a/output/x"));
        assertFalse(query.wants("neuron/a/outputs"));
        assertFalse(query.wants("neuromesh/nodes/a/output"));
    }

    @Test
    void itsTopicsAreThoseItWants() {
        assertEquals(3, query.size());
        assertEquals(Set.of("neuron/a/output", "neuron/b/output", "neuron/b/state"), query.topics());
        assertTrue(query.topics().stream().allMatch(query::wants));
    }
}
