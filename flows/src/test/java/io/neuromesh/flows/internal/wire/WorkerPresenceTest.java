package io.neuromesh.flows.internal.wire;

import io.neuromesh.flows.WorkerState;
import io.neuromesh.flows.WorkerStats;
import io.neuromesh.flows.WorkerStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerPresenceTest {

    private static WorkerStatus online(String name, Duration heartbeat) {
        return new WorkerStatus(name, WorkerState.ONLINE, List.of("default"), List.of("echo"), 2, 2, heartbeat,
                new WorkerStats(0, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO), null, null);
    }

    @Test
    void aWorkerIsGoneAfterThreeMissedHeartbeatsAndASecond() {
        assertEquals(Duration.ofSeconds(4), WorkerPresence.CODEC.offlineAfter(online("w1", Duration.ofSeconds(1))));
        assertEquals(Duration.ofSeconds(7), WorkerPresence.CODEC.offlineAfter(online("w1", Duration.ZERO)),
                "a status that does not say its heartbeat gets the fallback of 2 s");
    }

    @Test
    void theLastWillIsTheBareOfflineStatus() {
        assertArrayEquals("{\"v\":1,\"worker\":\"w1\",\"state\":\"offline\"}".getBytes(StandardCharsets.UTF_8),
                WorkerPresence.announcement("w1", Duration.ofSeconds(2)).will().payload());
        assertEquals("neuromesh/workers/w1/status", WorkerPresence.announcement("w1", Duration.ofSeconds(2)).topic());
        assertFalse(WorkerPresence.CODEC.online(StatusJson.offline("w1")));
        assertTrue(WorkerPresence.CODEC.online(online("w1", Duration.ofSeconds(2))));
    }

    @Test
    void refusesAStatusNamingAnotherWorkerThanItsTopic() {
        byte[] payload = WorkerPresence.CODEC.encode(online("w2", Duration.ofSeconds(2)));
        assertEquals("worker: the status on neuromesh/workers/w1/status names worker w2",
                assertThrows(IllegalArgumentException.class, () -> WorkerPresence.CODEC.decode("w1", payload))
                        .getMessage());
        assertEquals(online("w2", Duration.ofSeconds(2)), WorkerPresence.CODEC.decode("w2", payload));
    }
}
