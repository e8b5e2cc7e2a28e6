package io.neuromesh.edge;

import io.neuromesh.edge.wire.Input;
import io.neuromesh.topology.Topology;
import io.neuromesh.testkit.fleet.TestFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A replay of examples/xor-ticked.json (tickMs 50): one wave per tick, from the recorded start state. */
@Timeout(10)
class ReplayTest {

    private static final Topology TICKED = Topology.parse(TestFleet.example("xor-ticked.json"));
    private static final long T0 = 1_767_225_600_000L;

    private static List<Replay.Step> both(long ms, int x, int y) {
        Instant at = Instant.ofEpochMilli(ms);
        return List.of(new Replay.Step("x", new Input(false, "sensor_x", x, Optional.of(at)), at.plusMillis(3)),
                new Replay.Step("y", new Input(false, "sensor_y", y, Optional.of(at)), at.plusMillis(2)));
    }

    @Test
    void eachTransitionIsOneWaveAndZChangesOnlyToItsSettledValue() {
        List<Replay.Step> steps = new ArrayList<>();
        steps.addAll(both(T0 + 10, 1, 0));
        steps.addAll(both(T0 + 210, 0, 1));
        steps.addAll(both(T0 + 410, 1, 1));
        List<Replay.TickOutput> outputs = Replay.run(TICKED, Replay.Start.REST, steps);
        long k = T0 / 50;
        assertEquals(List.of(new Replay.TickOutput(k, "h1", 1), new Replay.TickOutput(k, "x", 1),
                new Replay.TickOutput(k, "z", 1),
                new Replay.TickOutput(k + 4, "h1", 0), new Replay.TickOutput(k + 4, "h3", 1),
                new Replay.TickOutput(k + 4, "x", 0), new Replay.TickOutput(k + 4, "y", 1),
                new Replay.TickOutput(k + 8, "h1", 1), new Replay.TickOutput(k + 8, "h2", 1),
                new Replay.TickOutput(k + 8, "x", 1), new Replay.TickOutput(k + 8, "z", 0)), outputs);
    }

    @Test
    void startsFromTheRecordedOutputsAndSensorValues() {
        Replay.Start start = new Replay.Start(Map.of("x", 1, "h1", 1, "z", 1),
                Map.of("x", Map.of("sensor_x", 1.0), "y", Map.of("sensor_y", 0.0)));
        assertEquals(List.of(new Replay.TickOutput(T0 / 50, "h1", 0), new Replay.TickOutput(T0 / 50, "x", 0),
                new Replay.TickOutput(T0 / 50, "z", 0)), Replay.run(TICKED, start, both(T0 + 10, 0, 0)));
    }

    @Test
    void refusesATopologyWithoutTicks() {
        Topology eager = TICKED.withRev(2);
        Topology untimed = new Topology(2, null, eager.defaults(), eager.nodes(), eager.sensors(), eager.neurons(),
                eager.synapses(), eager.actuators());
        assertEquals("the topology (rev 2) has no tickMs: only a discrete-time topology replays tick by tick",
                assertThrows(IllegalArgumentException.class, () -> Replay.run(untimed, Replay.Start.REST, List.of()))
                        .getMessage());
    }
}
