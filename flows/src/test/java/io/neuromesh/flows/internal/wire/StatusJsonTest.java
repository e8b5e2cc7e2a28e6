package io.neuromesh.flows.internal.wire;

import io.neuromesh.flows.WorkerState;
import io.neuromesh.flows.WorkerStats;
import io.neuromesh.flows.WorkerStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StatusJsonTest {

    @Test
    void roundTripsAHeartbeat() {
        WorkerStatus status = new WorkerStatus("w1", WorkerState.ONLINE, List.of("default", "gpu"), List.of("echo"), 4, 8,
                Duration.ofSeconds(2), new WorkerStats(120, 2, 1, 3, 0, Duration.ofNanos(1_200_000),
                Duration.ofNanos(4_800_000), Duration.ofNanos(9_900_000)), Instant.ofEpochMilli(1_000),
                Instant.ofEpochMilli(2_000));

        assertEquals(status, StatusJson.decode(StatusJson.encode(status)));
    }

    @Test
    void writesTheLastWillAsBareOfflineAndReadsItWithZeroCounters() {
        String will = StatusJson.encode(StatusJson.offline("w7"));
        assertEquals("{\"v\":1,\"worker\":\"w7\",\"state\":\"offline\"}", will);

        WorkerStatus read = StatusJson.decode(will);
        assertEquals(StatusJson.offline("w7"), read);
        assertEquals(0, read.stats().processed());
        assertEquals(List.of(), read.queues());
    }

    @Test
    void refusesAStatusWithoutValidWorkerOrState() {
        assertEquals("worker: must be a worker name, got \"a/b\"", assertThrows(IllegalArgumentException.class,
                () -> StatusJson.decode("{\"worker\":\"a/b\",\"state\":\"online\"}")).getMessage());
        assertEquals("state: must be \"online\" or \"offline\", got \"busy\"", assertThrows(IllegalArgumentException.class,
                () -> StatusJson.decode("{\"worker\":\"w\",\"state\":\"busy\"}")).getMessage());
    }
}
