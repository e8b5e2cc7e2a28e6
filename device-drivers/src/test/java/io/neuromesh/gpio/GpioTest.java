package io.neuromesh.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The public entry point on this machine, which is not a Raspberry Pi. */
@Timeout(30)
class GpioTest {

    @BeforeEach
    void requireAMachineWithoutGpio() {
        assumeFalse(Files.exists(Path.of("/proc/device-tree/model")), "runs only where there is no device tree");
    }

    @Test
    void detectSaysMockHere() {
        GpioDetection detection = Gpio.detect();

        assertEquals(GpioMode.MOCK, detection.mode());
        assertEquals("mock: /proc/device-tree/model not found (not a Raspberry Pi)", detection.toString());
    }

    @Test
    void autoOpensAMockPortHere() {
        try (GpioPort port = Gpio.open(GpioMode.AUTO)) {
            assertEquals(GpioMode.MOCK, port.mode());
        }
    }

    @Test
    void gpiodModeExplainsThatThereIsNoChip() {
        assumeFalse(Files.isDirectory(Path.of("/sys/bus/gpio/devices")), "this machine has GPIO chips");

        GpioException error = assertThrows(GpioException.class, () -> Gpio.open(GpioMode.GPIOD));

        assertEquals("no GPIO chips found under /sys/bus/gpio/devices: this kernel exposes no GPIO character "
                + "devices (is this a Raspberry Pi?)", error.getMessage());
    }

    @Test
    void aSimulatedButtonReachesItsListenerOnTheEventThread() throws InterruptedException {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        try (GpioPort port = Gpio.open(GpioMode.MOCK)) {
            DigitalInputPin button = port.openInput(new DigitalInputConfig(17, Pull.DOWN, Duration.ZERO, false));
            button.onChange(active -> heard.add(active + " on " + Thread.currentThread().getName()));
            DigitalOutputPin led = port.openOutput(new DigitalOutputConfig(22, false, false));
            button.onChange(led::setActive);

            port.simulator().orElseThrow().setLevel(17, true);

            assertEquals("true on neuromesh-gpio-events", heard.take());
            assertNotEquals("neuromesh-gpio-events", Thread.currentThread().getName());
        }
    }
}
