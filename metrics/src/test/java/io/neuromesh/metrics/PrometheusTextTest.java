package io.neuromesh.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test parser itself rejects what is not Prometheus text, so the ITs that use it can fail. */
class PrometheusTextTest {

    @Test
    void readsTypedSamplesWithLabels() {
        var samples = PrometheusText.parse("""
                # HELP a_total things
                # TYPE a_total counter
                a_total{node="n1",x="q\\"uote"} 3.0
                # TYPE h_seconds histogram
                h_seconds_bucket{le="+Inf"} 2
                h_seconds_count 2
                h_seconds_sum 1.5E-4
                """);
        assertEquals(3.0, PrometheusText.value(samples, "a_total", "node=\"n1\""));
        assertTrue(PrometheusText.names(samples).contains("h_seconds_bucket"));
    }

    @Test
    void rejectsAnUntypedSampleABadValueAndAMissingLineFeed() {
        assertTrue(assertThrows(AssertionError.class, () -> PrometheusText.parse("a 1\n")).getMessage()
                .contains("without a # TYPE"));
        assertTrue(assertThrows(AssertionError.class, () -> PrometheusText.parse("# TYPE a gauge\na one\n"))
                .getMessage().contains("line 2 is not Prometheus text"));
        assertThrows(AssertionError.class, () -> PrometheusText.parse("# TYPE a gauge\na 1"));
    }
}
