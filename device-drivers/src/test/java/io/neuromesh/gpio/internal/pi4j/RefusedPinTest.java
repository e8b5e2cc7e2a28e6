package io.neuromesh.gpio.internal.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import io.neuromesh.gpio.DigitalInputConfig;
import io.neuromesh.gpio.DigitalOutputConfig;
import io.neuromesh.gpio.GpioException;
import io.neuromesh.gpio.GpioMode;
import io.neuromesh.gpio.Pull;
import io.neuromesh.gpio.internal.event.ManualScheduler;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A pin Pi4J refuses to create: here, because the backend names an input provider the context lacks. */
class RefusedPinTest {

    private final Pi4jGpioPort port;

    RefusedPinTest() {
        var output = MockDigitalOutputProvider.newInstance();
        Context context = Pi4J.newContextBuilder().add(new MockPlatform()).add(output).build();
        port = new Pi4jGpioPort(new Pi4jBackend(GpioMode.MOCK, context, "missing-input-provider", output.id(),
                Optional.empty()), new ManualScheduler());
    }

    @AfterEach
    void closePort() {
        port.close();
    }

    @Test
    void aRefusedPinIsReportedWithPi4jsReasonAndStaysFree() {
        GpioException error = assertThrows(GpioException.class,
                () -> port.openInput(new DigitalInputConfig(17, Pull.DOWN, Duration.ZERO, false)));

        assertTrue(error.getMessage().startsWith("pin 17: cannot open as an input: "), error.getMessage());
        assertTrue(error.getMessage().contains("missing-input-provider"), error.getMessage());
        assertEquals(17, port.openOutput(new DigitalOutputConfig(17, false, false)).pin());
    }
}
