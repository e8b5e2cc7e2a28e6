package io.neuromesh.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
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
}
