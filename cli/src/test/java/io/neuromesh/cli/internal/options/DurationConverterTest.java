package io.neuromesh.cli.internal.options;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DurationConverterTest {

    @ParameterizedTest(name = "{0} -> {1} ms")
    @CsvSource({"300ms, 300", "5s, 5000", "2m, 120000", "1h, 3600000", "1.5s, 1500", "3, 3000", "0ms, 0",
            "' 250ms ', 250", "0.5m, 30000"})
    void parsesANumberAndAUnitWithSecondsForABareNumber(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), DurationConverter.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ms", "5 s", "-1s", "5sec", "1d", "PT5S", "1e3ms", "five"})
    void refusesAnythingElseSayingWhatADurationLooksLike(String text) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> DurationConverter.parse(text));
        assertEquals("'" + text + "' is not a duration; use a number and a unit: 300ms, 5s, 2m or 1h", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999h", "9999999999999999999ms"})
    void refusesDurationsTooLongForMilliseconds(String text) {
        assertEquals("'" + text + "' is too long a duration",
                assertThrows(TypeConversionException.class, () -> DurationConverter.parse(text)).getMessage());
    }

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({"300, 300ms", "1000, 1s", "3500, 3.5s", "10000, 10s", "120000, 2m", "3600000, 1h", "0, 0s",
            "61500, 61500ms"})
    void formatsDefaultsAsTheyAreTyped(long millis, String text) {
        assertEquals(text, DurationConverter.format(Duration.ofMillis(millis)));
        assertEquals(Duration.ofMillis(millis), DurationConverter.parse(text));
    }
}
