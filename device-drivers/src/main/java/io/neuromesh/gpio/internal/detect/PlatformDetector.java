package io.neuromesh.gpio.internal.detect;

import io.neuromesh.gpio.GpioDetection;
import io.neuromesh.gpio.GpioMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Decides what {@link GpioMode#AUTO} means here, from the device tree's model string. */
public final class PlatformDetector {

    private static final String MODEL = "proc/device-tree/model";

    private PlatformDetector() {
    }

    /**
     * @param root the file system root, {@code /} except in tests
     * @return GPIOD on a Raspberry Pi, MOCK anywhere else, with the reason
     */
    public static GpioDetection detect(Path root) {
        Path model = root.resolve(MODEL);
        if (!Files.exists(model)) {
            return new GpioDetection(GpioMode.MOCK, "/" + MODEL + " not found (not a Raspberry Pi)");
        }
        String text;
        try {
            // The device tree stores the string NUL-terminated.
            text = new String(Files.readAllBytes(model), StandardCharsets.UTF_8).replace("\0", "").strip();
        } catch (IOException e) {
            return new GpioDetection(GpioMode.MOCK, "cannot read /" + MODEL + " (" + e.getMessage() + ")");
        }
        if (text.startsWith("Raspberry Pi")) {
            return new GpioDetection(GpioMode.GPIOD, text + " (/" + MODEL + ")");
        }
        return new GpioDetection(GpioMode.MOCK, "/" + MODEL + " says \"" + text + "\" (not a Raspberry Pi)");
    }
}
