package io.neuromesh.gpio.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.neuromesh.gpio.GpioDetection;
import io.neuromesh.gpio.GpioMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformDetectorTest {

    @TempDir
    Path root;

    @Test
    void withoutADeviceTreeModelItIsNotAPi() {
        GpioDetection detection = PlatformDetector.detect(root);

        assertEquals(GpioMode.MOCK, detection.mode());
        assertEquals("mock: /proc/device-tree/model not found (not a Raspberry Pi)", detection.toString());
    }

    @Test
    void aRaspberryPiModelMeansGpiod() throws IOException {
        writeModel("Raspberry Pi 5 Model B Rev 1.0\0");

        GpioDetection detection = PlatformDetector.detect(root);

        assertEquals(GpioMode.GPIOD, detection.mode());
        assertEquals("gpiod: Raspberry Pi 5 Model B Rev 1.0 (/proc/device-tree/model)", detection.toString());
    }

    @Test
    void anotherBoardMeansMock() throws IOException {
        writeModel("Pine64 RockPro64 v2.1\0");

        GpioDetection detection = PlatformDetector.detect(root);

        assertEquals(GpioMode.MOCK, detection.mode());
        assertEquals("mock: /proc/device-tree/model says \"Pine64 RockPro64 v2.1\" (not a Raspberry Pi)",
                detection.toString());
    }

    private void writeModel(String model) throws IOException {
        Path file = root.resolve("proc/device-tree/model");
        Files.createDirectories(file.getParent());
        Files.writeString(file, model);
    }
}
