package io.neuromesh.topology.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(10)
class SuggestionsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"treshold, threshold", "Threshold, threshold", "thresold, threshold", "thershold, threshold",
            "mdoe, mode", "nod, node", "inputWindow, inputWindowMs", "requries, requires", "ID, id"})
    void suggestsTheClosestKnownField(String typed, String meant) {
        assertEquals(Optional.of(meant), Suggestions.closest(typed, FieldNames.NEURON));
    }

    @ParameterizedTest
    @CsvSource({"weight", "colour", "inputWindowSeconds", "x"})
    void suggestsNothingWhenNoFieldIsClose(String typed) {
        assertEquals(Optional.empty(), Suggestions.closest(typed, FieldNames.NEURON));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"xx, x", "Z, z", "sensr_x, sensor_x", "h22, h2"})
    void suggestsTheClosestIdEvenWhenTheIdIsShort(String typed, String meant) {
        assertEquals(Optional.of(meant), Suggestions.closest(typed, List.of("x", "y", "h2", "z", "sensor_x")));
    }

    @Test
    void countsASwapOfNeighbouringLettersAsOneEdit() {
        assertEquals(1, Suggestions.distance("mdoe", "mode"));
        assertEquals(2, Suggestions.distance("treshlod", "threshold"));
    }
}
