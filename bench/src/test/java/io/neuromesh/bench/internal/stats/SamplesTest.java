package io.neuromesh.bench.internal.stats;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SamplesTest {

    private static Samples oneToHundred() {
        Samples samples = new Samples();
        for (int i = 100; i >= 1; i--) {
            samples.add(Duration.ofMillis(i));
        }
        return samples;
    }

    @Test
    void percentilesUseTheNearestRankOfTheSortedSamples() {
        Samples samples = oneToHundred();

        assertEquals(100, samples.size());
        assertEquals(Duration.ofMillis(50), samples.p50());
        assertEquals(Duration.ofMillis(99), samples.p99());
        assertEquals(Duration.ofMillis(100), samples.percentile(100));
        assertEquals(Duration.ofMillis(1), samples.percentile(0.5));
    }

    @Test
    void theP99OfFewerThanAHundredSamplesIsTheMaximum() {
        Samples samples = new Samples();
        samples.add(3_000);
        samples.add(1_000);
        samples.add(2_000);

        assertEquals(Duration.ofNanos(3_000), samples.p99());
        assertEquals(Duration.ofNanos(2_000), samples.p50());
    }

    @Test
    void hasNoPercentileWithoutSamples() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Samples().p50());

        assertEquals("no samples", e.getMessage());
    }

    @Test
    void rejectsAPercentOutsideZeroToAHundred() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> oneToHundred().percentile(0));

        assertEquals("percent: must be in (0, 100], got 0.0", e.getMessage());
    }

    @Test
    void theMedianOfAnEvenCountIsTheLowerMiddleValue() {
        assertEquals(2.0, Samples.median(new double[] {4, 1, 2, 3}));
        assertEquals(7.0, Samples.median(new double[] {7}));
    }
}
