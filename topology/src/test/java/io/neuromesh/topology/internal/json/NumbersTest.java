package io.neuromesh.topology.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
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

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "-0.0", "1", "-1", "0.5", "0.1", "0.35", "-1.5", "100", "0.05", "123456.789",
            "9007199254740991", "9007199254740992", "9007199254740993", "0.1234567890123456", "0.12345678901234567",
            "0.0000000000000000000001", "0.00000000000000000000001", "1e2", "-2.5E-3", "1.7976931348623157e308",
            "4.9e-324", "1e400", "1000000000000000000000000"})
    void readsDoublesAsTheJdkDoes(String literal) {
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(literal)),
                Double.doubleToRawLongBits(Numbers.doubleValue(literal)), literal);
    }

    @Test
    void readsRandomDecimalsAsTheJdkDoes() {
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 200_000; i++) {
            long unscaled = random.nextLong(-(1L << 54), 1L << 54) >> random.nextInt(54);
            String literal = BigDecimal.valueOf(unscaled, random.nextInt(25)).toPlainString();
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(literal)),
                    Double.doubleToRawLongBits(Numbers.doubleValue(literal)), literal);
        }
    }
}
