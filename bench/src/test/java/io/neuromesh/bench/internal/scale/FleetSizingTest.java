package io.neuromesh.bench.internal.scale;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FleetSizingTest {

    @Test
    void keepsTheAskedHeapWhenTheRuntimesFitInIt() {
        assertEquals("-Xmx1g", FleetSizing.heap("-Xmx1g", 25, 10_000));
        assertEquals("-Xmx1g", FleetSizing.heap("-Xmx1g", 3, 100_000));
    }

    @Test
    void growsTheHeapWithRuntimesTimesNeurons() {
        // 25 runtimes x 100,000 neurons x 1,200 bytes = 2,861 MB, plus 256 MB.
        assertEquals("-Xmx3117m", FleetSizing.heap("-Xmx1g", 25, 100_000));
        assertEquals("-Xmx4g", FleetSizing.heap("-Xmx4g", 25, 100_000));
        assertEquals("-Xmx3117m", FleetSizing.heap("-Xmx2048m", 25, 100_000));
    }

    @Test
    void aWorkerHeapAboveAGigabyteIsCollectedByG1AndTheOthersAsEdges() {
        assertEquals(List.of(), FleetSizing.collector("-Xmx1g"));
        assertEquals(List.of(), FleetSizing.collector("-Xmx512m"));
        assertEquals(List.of("-XX:-UseSerialGC", "-XX:+UseG1GC"), FleetSizing.collector("-Xmx1025m"));
        assertEquals(List.of("-XX:-UseSerialGC", "-XX:+UseG1GC"),
                FleetSizing.collector(FleetSizing.heap("-Xmx1g", 25, 100_000)));
    }

    @Test
    void givesALargerFleetMoreTimeToApply() {
        assertEquals(Duration.ofSeconds(181), FleetSizing.applyBound(10, 1_000));
        assertEquals(Duration.ofSeconds(180 + 1_000), FleetSizing.applyBound(100, 100_000));
    }
}
