package io.neuromesh.gpio.internal.detect;

import io.neuromesh.gpio.GpioException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks that this user may open a GPIO character device, before the native library tries and fails obscurely. */
public final class ChipAccess {

    private ChipAccess() {
    }

    /**
     * @param root the file system root, {@code /} except in tests
     * @param chip the chip to open
     * @throws GpioException if the device file is missing or not readable and writable by this user
     */
    public static void check(Path root, GpioChip chip) {
        Path device = root.resolve("dev").resolve(chip.name());
        String shown = "/dev/" + chip.name();
        if (!Files.exists(device)) {
            throw new GpioException(shown + " not found although the kernel lists " + chip);
        }
        if (!Files.isReadable(device) || !Files.isWritable(device)) {
            throw new GpioException("permission denied on " + shown
                    + ": add the user to the gpio group (sudo usermod -aG gpio $USER) and log in again");
        }
    }
}
