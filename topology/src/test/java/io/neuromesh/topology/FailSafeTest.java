package io.neuromesh.topology;

import static io.neuromesh.topology.Docs.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An actuator's fail-safe level and timeout as parsed: the defaults and every accepted value. */
@Timeout(10)
class FailSafeTest {

    private static ActuatorSpec actuator(String fields) {
        return parse("{'rev':1,'neurons':[{'id':'z','threshold':1}],'actuators':[{'id':'led','node':'n3','pin':22,"
                + "'neuron':'z'" + fields + "}]}").actuators().get(0);
    }

    @Test
    void anActuatorWithoutFailSafeGoesLowAfterFiveSeconds() {
        ActuatorSpec led = actuator("");
        assertEquals(FailSafe.LOW, led.failSafe());
        assertEquals(Duration.ofSeconds(5), led.failSafeAfter());
        assertEquals(ActuatorSpec.digital("led", "n3", 22, "z"), led);
    }

    @Test
    void anActiveLowOrPwmActuatorHasTheSameDefault() {
        assertEquals(FailSafe.LOW, actuator(",'activeLow':true").failSafe());
        assertEquals(FailSafe.LOW, actuator(",'kind':'pwm','dutyPercent':30").failSafe());
    }

    @ParameterizedTest(name = "{0} after {1} ms")
    @CsvSource({"low, 0", "high, 1000", "low, 86400000", "high, 5000"})
    void acceptsALevelAndATimeout(String level, long millis) {
        ActuatorSpec led = actuator(",'failSafe':'" + level + "','failSafeAfterMs':" + millis);
        assertEquals(FailSafe.valueOf(level.toUpperCase(Locale.ROOT)), led.failSafe());
        assertEquals(Duration.ofMillis(millis), led.failSafeAfter());
    }

    @Test
    void aHoldActuatorHasNoTimeout() {
        ActuatorSpec led = actuator(",'failSafe':'hold'");
        assertEquals(FailSafe.HOLD, led.failSafe());
        assertNull(led.failSafeAfter());
    }

    @Test
    void spellingOutTheDefaultsKeepsTheContentHash() {
        String plain = "{'rev':1,'neurons':[{'id':'z','threshold':1}],'actuators':[{'id':'led','node':'n3','pin':22,"
                + "'neuron':'z'}]}";
        String spelled = "{'rev':1,'neurons':[{'id':'z','threshold':1}],'actuators':[{'id':'led','node':'n3','pin':22,"
                + "'neuron':'z','failSafe':'low','failSafeAfterMs':5000}]}";
        assertEquals(parse(plain).contentHash(), parse(spelled).contentHash());
    }
}
