package io.neuromesh.gpio.internal.detect;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.neuromesh.gpio.GpioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChipAccessTest {

    private static final GpioChip CHIP = new GpioChip("gpiochip0", "pinctrl-bcm2711");

    @TempDir
    Path root;

    @Test
    void acceptsADeviceThisUserCanReadAndWrite() throws IOException {
        device("rw-rw----");

        assertDoesNotThrow(() -> ChipAccess.check(root, CHIP));
    }

    @Test
    void aMissingDeviceIsReported() {
        GpioException error = assertThrows(GpioException.class, () -> ChipAccess.check(root, CHIP));

        assertEquals("/dev/gpiochip0 not found although the kernel lists gpiochip0 [pinctrl-bcm2711]",
                error.getMessage());
    }

    @Test
    void permissionDeniedSaysToJoinTheGpioGroup() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may open any file");
        device("---------");

        GpioException error = assertThrows(GpioException.class, () -> ChipAccess.check(root, CHIP));

        assertEquals("permission denied on /dev/gpiochip0: add the user to the gpio group "
                + "(sudo usermod -aG gpio $USER) and log in again", error.getMessage());
    }

    private void device(String permissions) throws IOException {
        Path device = Files.createDirectories(root.resolve("dev")).resolve("gpiochip0");
        Files.createFile(device, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)));
        Files.setPosixFilePermissions(device, PosixFilePermissions.fromString(permissions));
    }
}
