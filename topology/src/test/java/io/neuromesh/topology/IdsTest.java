package io.neuromesh.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The public id rule that other modules use for node ids and command-line arguments. */
@Timeout(10)
class IdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "0", "_", "-", "sensor_x", "h-2", "ABCxyz019_-"})
    void acceptsLettersDigitsUnderscoreAndHyphen(String id) {
        assertTrue(Ids.isValid(id));
        assertEquals(Optional.empty(), Ids.problem(id));
    }

    @Test
    void acceptsSixtyFourCharactersButNotSixtyFive() {
        assertTrue(Ids.isValid("a".repeat(64)));
        assertFalse(Ids.isValid("a".repeat(65)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "a+", "#", "a b", "", "a.b", "\u00e9", "a\nb"})
    void refusesEverythingElse(String id) {
        assertFalse(Ids.isValid(id));
    }

    @Test
    void namesTheFieldWhenRequiringAValidId() {
        assertEquals("node: 'n/1' contains '/'; ids are 1-64 characters of A-Z a-z 0-9 _ -",
                assertThrows(IllegalArgumentException.class, () -> Ids.require("node", "n/1")).getMessage());
        assertEquals("n1", Ids.require("node", "n1"));
        assertEquals(Optional.of("must not be null"), Ids.problem(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "raspberrypi.local | raspberrypi-local",
            "n1 | n1",
            "My Pi (2) | My-Pi-2",
            "-already-valid- | -already-valid-",
            ".hidden. | hidden",
            "pi..lab--7 | pi-lab--7",
            "caf\u00e9-k\u00fcche | cafe-kuche",
            "node_1.example.org | node_1-example-org"})
    void fitsANameToTheRule(String name, String id) {
        assertEquals(Optional.of(id), Ids.fit(name));
        assertTrue(Ids.isValid(Ids.fit(name).orElseThrow()));
    }

    @Test
    void namesTheIndexOfTheFirstInvalidIdOfAList() {
        assertEquals("neurons[1]: 'b c' contains a space; ids are 1-64 characters of A-Z a-z 0-9 _ -",
                assertThrows(IllegalArgumentException.class,
                        () -> Ids.requireAll("neurons", java.util.List.of("a", "b c", "d/e"))).getMessage());
        Ids.requireAll("neurons", java.util.List.of("a", "b"));
    }

    @Test
    void cutsALongNameToSixtyFourCharactersWithoutATrailingSeparator() {
        assertEquals("a".repeat(63), Ids.fit("a".repeat(63) + ".bcd").orElseThrow());
        assertEquals("a".repeat(62) + "-b", Ids.fit("a".repeat(62) + ".bcd").orElseThrow());
        assertEquals("b".repeat(64), Ids.fit("b".repeat(70)).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "...", "\u00b7 \u00b7", "/+#"})
    void nothingFitsWhenNoCharacterIsAllowed(String name) {
        assertEquals(Optional.empty(), Ids.fit(name));
        assertEquals(Optional.empty(), Ids.fit(null));
    }
}
