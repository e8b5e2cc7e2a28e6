package io.neuromesh.gpio.internal.pwm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PwmSplitTest {

    @ParameterizedTest(name = "{0} % at {1} Hz is {2} ns high, {3} ns low")
    @CsvSource({
            "0,     200,  0,        5000000",
            "100,   200,  5000000,  0",
            "25,    200,  1250000,  3750000",
            "50,    1000, 500000,   500000",
            "33.3,  1,    333000000, 667000000",
    })
    void splitsOnePeriodByDuty(double duty, int frequencyHz, long high, long low) {
        assertEquals(new PwmSplit(high, low), PwmSplit.of(duty, frequencyHz));
    }

    @ParameterizedTest
    @CsvSource({"0, true", "100, true", "0.5, false", "99.5, false"})
    void isSteadyOnlyWhenOneLevelFillsThePeriod(double duty, boolean steady) {
        assertEquals(steady, PwmSplit.of(duty, 200).isSteady());
    }
}
