package io.neuromesh.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScenarioResultTest {

    @Test
    void aRowWithoutNumbersKeepsItsReason() {
        ScenarioResult skipped = ScenarioResult.without("floor", "mosquitto", Verdict.SKIPPED, "not installed");

        assertEquals(0, skipped.samples());
        assertEquals("-", skipped.target());
        assertEquals("not installed", skipped.note());
    }

    @Test
    void rejectsAValueWithoutItsUnit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ScenarioResult("flows-noop",
                "hivemq", 1, null, null, 9000.0, null, null, Verdict.MISSED, null));

        assertEquals("unit: must be given exactly when value is, got value 9000.0 and unit null", e.getMessage());
    }

    @Test
    void rejectsANonFiniteValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ScenarioResult("floor",
                "hivemq", 1, Duration.ofMillis(1), null, Double.NaN, "msg/s", null, Verdict.PRINTED, null));

        assertEquals("value: must be a finite number, got NaN", e.getMessage());
    }

    @Test
    void rejectsNegativeSamples() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ScenarioResult("xor",
                "hivemq", -1, null, null, null, null, null, Verdict.MET, null));

        assertEquals("samples: must be >= 0, got -1", e.getMessage());
    }
}
