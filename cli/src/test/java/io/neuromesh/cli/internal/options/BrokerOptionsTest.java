package io.neuromesh.cli.internal.options;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BrokerOptionsTest {

    private static BrokerOptions parse(String... args) {
        BrokerOptions options = new BrokerOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void aCommandWaitsThreeSecondsForAPlainBrokerAndTenOverTls() {
        assertEquals(Duration.ofSeconds(3), parse("--broker", "tcp://127.0.0.1:1883").connectTimeout());
        assertEquals(Duration.ofSeconds(10), parse("--broker", "ssl://broker.lan:8883").connectTimeout());
    }
}
