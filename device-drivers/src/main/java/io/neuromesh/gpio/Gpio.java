package io.neuromesh.gpio;

import io.neuromesh.gpio.internal.detect.ChipAccess;
import io.neuromesh.gpio.internal.detect.GpioChip;
import io.neuromesh.gpio.internal.detect.GpioChipFinder;
import io.neuromesh.gpio.internal.detect.PlatformDetector;
import io.neuromesh.gpio.internal.event.ExecutorScheduler;
import io.neuromesh.gpio.internal.pi4j.Pi4jBackend;
import io.neuromesh.gpio.internal.pi4j.Pi4jGpioPort;
import java.nio.file.Path;
import java.util.Objects;
import org.tinylog.Logger;

/**
 * Entry point: opens a {@link GpioPort}. Thread-safe.
 *
 * <pre>{@code
 * try (GpioPort gpio = Gpio.open(GpioMode.AUTO)) {
 *     DigitalInputPin button = gpio.openInput(new DigitalInputConfig(17, Pull.DOWN, Duration.ofMillis(20), false));
 *     DigitalOutputPin led = gpio.openOutput(new DigitalOutputConfig(22, false, false));
 *     button.onChange(led::setActive);
 *     ...
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class Gpio {

    private static final Path ROOT = Path.of("/");
    private static final String EVENT_THREAD = "neuromesh-gpio-events";

    private Gpio() {
    }

    /**
     * Opens a port. In {@link GpioMode#GPIOD} mode it finds the header's GPIO chip by its label and checks that this
     * user may open it before starting Pi4J. Only one GPIOD port may be open in a process at a time.
     *
     * @param mode {@link GpioMode#AUTO} to let {@link #detect()} choose, or a mode to force
     * @return the open port; close it to release the pins
     * @throws GpioException if GPIOD mode is chosen and the chip is missing or not accessible; the message says
     *                       what was found and what to do
     */
    public static GpioPort open(GpioMode mode) {
        Objects.requireNonNull(mode, "mode");
        GpioMode resolved = mode;
        if (mode == GpioMode.AUTO) {
            GpioDetection detection = detect();
            Logger.info("GPIO mode auto: {}", detection);
            resolved = detection.mode();
        }
        if (resolved == GpioMode.MOCK) {
            return new Pi4jGpioPort(Pi4jBackend.mock(), new ExecutorScheduler(EVENT_THREAD));
        }
        GpioChip chip = GpioChipFinder.find(ROOT);
        ChipAccess.check(ROOT, chip);
        Logger.info("GPIO header chip: /dev/{}", chip);
        Pi4jBackend backend = Pi4jBackend.gpiod(chip.name());
        return new Pi4jGpioPort(backend, new ExecutorScheduler(EVENT_THREAD));
    }

    /**
     * Says what {@link GpioMode#AUTO} resolves to here: {@link GpioMode#GPIOD} when
     * {@code /proc/device-tree/model} names a Raspberry Pi, {@link GpioMode#MOCK} otherwise.
     *
     * @return the mode and the reason, printable as one log line
     */
    public static GpioDetection detect() {
        return PlatformDetector.detect(ROOT);
    }
}
