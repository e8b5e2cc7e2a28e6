package io.neuromesh.flows;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FlowTopicsTest {

    @Test
    void namesEveryTopic() {
        assertEquals("neuromesh/tasks/default", FlowTopics.queue("default"));
        assertEquals("$share/neuromesh/neuromesh/tasks/default", FlowTopics.sharedQueue("default"));
        assertEquals("neuromesh/workers/pi2/tasks", FlowTopics.worker("pi2"));
        assertEquals("neuromesh/workers/pi2/status", FlowTopics.status("pi2"));
        assertEquals("neuromesh/replies/flows-1", FlowTopics.replies("flows-1"));
    }

    @Test
    void findsTheWorkerOfAStatusTopic() {
        assertEquals("pi2", FlowTopics.workerOfStatusTopic("neuromesh/workers/pi2/status"));
        assertNull(FlowTopics.workerOfStatusTopic("neuromesh/workers/pi2/tasks"));
        assertNull(FlowTopics.workerOfStatusTopic("neuromesh/workers//status"));
    }
}
