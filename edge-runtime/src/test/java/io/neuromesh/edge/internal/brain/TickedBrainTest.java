package io.neuromesh.edge.internal.brain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A discrete-time topology on one brain, without a broker: waves, ticks on the wire, heartbeats. */
@Timeout(10)
class TickedBrainTest {

    /** a and b on n1, c on n2; a virtual sensor s feeds a, which feeds b and c; ticks of 100 ms. */
    private static final String TICKED = """
            {"rev":1,"tickMs":100,"defaults":{"threshold":0.9,"mode":"level"},
             "sensors":[{"id":"s"}],
             "neurons":[{"id":"a","node":"n1"},{"id":"b","node":"n1"},{"id":"c","node":"n2"}],
             "synapses":[{"from":"s","to":"a","weight":1},{"from":"a","to":"b","weight":1},
                         {"from":"a","to":"c","weight":1}]}""";

    private final BrainHarness n1 = new BrainHarness("n1");

    private long tickNow() {
        return n1.nowMicros / 100_000;
    }

    @Test
    void theInputsOfATickAreOneWaveAndTheSettledValueGoesOutWithItsTick() {
        n1.topology(TICKED);
        n1.online("n1", "n2");
        n1.advance(Duration.ofMillis(1000));
        n1.log.clear();
        long tick = tickNow();
        long ms = n1.nowMicros / 1000;
        n1.input("a", "{\"from\":\"s\",\"value\":1,\"ts\":" + ms + "}");
        n1.input("a", "{\"from\":\"s\",\"value\":0,\"ts\":" + (ms + 1) + "}");
        n1.input("a", "{\"from\":\"s\",\"value\":1,\"ts\":" + (ms + 2) + "}");
        assertTrue(n1.log.stream().noneMatch(l -> l.startsWith("output")), "the tick has not closed: " + n1.log);
        n1.advance(Duration.ofMillis(200));
        List<String> outputs = n1.log.stream().filter(l -> l.startsWith("output")).toList();
        assertEquals(List.of("output a=1", "output b=1"), outputs, "one change each, to the settled value");
        assertTrue(n1.log.contains("input c {\"from\":\"a\",\"value\":1,\"tick\":" + tick + "}"), n1.log.toString());
        assertTrue(n1.log.contains("input b {\"from\":\"a\",\"value\":1,\"tick\":" + tick + "}"),
                "values to local neurons are published for observers too: " + n1.log);
        assertTrue(n1.log.contains("state a {s=1.0}"), "the sensor state is kept once its tick applied: " + n1.log);
    }

    @Test
    void anIdleSensorFedNeuronTellsItsRemoteNeuronsHowFarItGotOncePerTick() {
        n1.topology(TICKED);
        n1.online("n1", "n2");
        n1.advance(Duration.ofMillis(1000));
        n1.log.clear();
        for (int i = 0; i < 3; i++) {
            n1.advance(Duration.ofMillis(100));
        }
        List<String> notes = n1.log.stream().filter(l -> l.startsWith("input c {\"from\":\"a\",\"tick\":")).toList();
        assertEquals(3, notes.size(), "one note per tick: " + notes);
        assertTrue(n1.log.stream().noneMatch(l -> l.startsWith("input b")), "notes to local neurons stay in-process");
    }

    @Test
    void aPinChangeIsStampedWithTheTimeItsListenerSawItNotWhenTheBrainGotToIt() {
        n1.topology("""
                {"rev":1,"tickMs":100,"defaults":{"threshold":0.9,"mode":"level"},
                 "sensors":[{"id":"btn","node":"n1","pin":17,"pull":"down"}],
                 "neurons":[{"id":"a","node":"n1"},{"id":"c","node":"n2"}],
                 "synapses":[{"from":"btn","to":"a","weight":1},{"from":"btn","to":"c","weight":1}]}""");
        n1.online("n1", "n2");
        n1.advance(Duration.ofMillis(1000));
        n1.log.clear();
        // The listener saw the edge 150 ms (1.5 ticks) before the brain handled it (a busy brain).
        long seenAtMillis = n1.nowMicros / 1000 - 150;

        n1.post(new BrainEvent.SensorChanged("btn", null, true, seenAtMillis * 1000));

        assertTrue(n1.log.contains("input c {\"from\":\"btn\",\"value\":1,\"ts\":" + seenAtMillis + "}"),
                n1.log.toString());
    }

    @Test
    void aNoteOnATopologyWithoutTicksIsIgnored() {
        n1.topology(TICKED.replace("\"tickMs\":100,", ""));
        n1.online("n1", "n2");
        n1.log.clear();
        n1.input("b", "{\"from\":\"a\",\"tick\":5}");
        assertEquals(0, n1.counters.malformed.get());
        assertTrue(n1.log.stream().noneMatch(l -> l.startsWith("output")), n1.log.toString());
    }
}
