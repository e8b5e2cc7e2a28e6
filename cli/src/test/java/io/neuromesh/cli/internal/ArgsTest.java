package io.neuromesh.cli.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArgsTest {

    private static final List<Option> OPTIONS = List.of(Option.value("from", "SOURCE", ""),
            Option.value("timeout", "DURATION", ""), Option.flag("clear", ""), Option.value("count", "N", ""),
            Option.value("broker", "URL", ""));

    private static Args parse(String... argv) {
        return Args.parse("test", List.of(argv), OPTIONS);
    }

    @Test
    void separatesPositionalsOptionsAndFlags() {
        Args args = parse("x", "--from", "sensor_x", "--clear", "--timeout=5s");
        assertEquals(List.of("x"), args.positional());
        assertEquals("sensor_x", args.required("from"));
        assertTrue(args.flag("clear"));
        assertEquals(Duration.ofSeconds(5), args.duration("timeout", null));
    }

    @Test
    void readsDurationsWithUnits() {
        assertEquals(Duration.ofMillis(500), parse("--timeout", "500ms").duration("timeout", null));
        assertEquals(Duration.ofMinutes(2), parse("--timeout", "2m").duration("timeout", null));
        assertEquals(Duration.ofMillis(1500), parse("--timeout", "1.5").duration("timeout", null));
    }

    @Test
    void explainsWhatIsWrong() {
        assertEquals("unknown option --nope for 'test'",
                assertThrows(UsageException.class, () -> parse("--nope")).getMessage());
        assertEquals("--from needs a value (SOURCE)",
                assertThrows(UsageException.class, () -> parse("--from")).getMessage());
        assertEquals("--timeout must be a duration like 500ms, 5s or 2m, got 'soon'",
                assertThrows(UsageException.class, () -> parse("--timeout", "soon").duration("timeout", null))
                        .getMessage());
        assertEquals("--count must be a whole number, got 'many'",
                assertThrows(UsageException.class, () -> parse("--count", "many").intValue("count", 1, 1, 9))
                        .getMessage());
        assertEquals("missing <neuron>", assertThrows(UsageException.class, () -> parse().positional(0, "<neuron>"))
                .getMessage());
        assertEquals("--broker must look like tcp://host:port, got 'ws://x'",
                assertThrows(UsageException.class, () -> parse("--broker", "ws://x").broker()).getMessage());
    }

    @Test
    void aBrokerWithoutPortGetsTheMqttDefault() {
        assertEquals("tcp://pi5.local:1883", parse("--broker", "pi5.local").broker().toString());
    }
}
