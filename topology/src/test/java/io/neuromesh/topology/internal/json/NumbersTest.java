package io.neuromesh.topology.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class NumbersTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"0, 0", "-0, 0", "17, 17", "-17, -17", "1.0, 1", "1e2, 100", "2.50e1, 25", "0.0e5, 0",
            "9223372036854775807, 9223372036854775807", "9223372036854775808, 9223372036854775807",
            "-9223372036854775809, -9223372036854775808", "1e400, 9223372036854775807",
            "-1e400, -9223372036854775808", "1e9999999999, 9223372036854775807"})
    void readsWholeNumbersClampingThemToTheLongRange(String literal, long expected) {
        assertEquals(expected, Numbers.integerValue(literal));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "-0.1", "1e-1", "12.34e1", "1e-9999999999",
            "0.0000000000000000000000000000000000000000000000000000000000000000000001"})
    void refusesNumbersWithAFraction(String literal) {
        assertNull(Numbers.integerValue(literal));
    }

    @ParameterizedTest
    @CsvSource({"12345, 12345", "1234567890123456789012345678901234567890123, 1234567890123456789012345678901234567890..."})
    void cutsLongLiteralsShortForMessages(String literal, String shown) {
        assertEquals(shown, Numbers.shown(literal));
    }
}
