package io.neuromesh.gpio.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.neuromesh.gpio.GpioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fake sysfs trees modelled on real boards' {@code gpiodetect} output. */
class GpioChipFinderTest {

    @TempDir
    Path root;

    @Test
    void findsThePi5HeaderChipAsGpiochip0OnKernel6_6_45AndLater() throws IOException {
        chip("gpiochip0", "pinctrl-rp1");
        chip("gpiochip10", "gpio-brcmstb@107d508500");
        chip("gpiochip11", "gpio-brcmstb@107d508500");
        chip("gpiochip12", "gpio-brcmstb@107d517c00");
        chip("gpiochip13", "gpio-brcmstb@107d517c00");

        assertEquals(new GpioChip("gpiochip0", "pinctrl-rp1"), GpioChipFinder.find(root));
    }

    @Test
    void findsThePi5HeaderChipAsGpiochip4OnOlderKernels() throws IOException {
        chip("gpiochip0", "gpio-brcmstb@107d508500");
        chip("gpiochip1", "gpio-brcmstb@107d508500");
        chip("gpiochip2", "gpio-brcmstb@107d517c00");
        chip("gpiochip3", "gpio-brcmstb@107d517c00");
        chip("gpiochip4", "pinctrl-rp1");

        assertEquals(new GpioChip("gpiochip4", "pinctrl-rp1"), GpioChipFinder.find(root));
    }

    @Test
    void findsThePi4HeaderChip() throws IOException {
        chip("gpiochip0", "pinctrl-bcm2711");
        chip("gpiochip1", "raspberrypi-exp-gpio");

        assertEquals(new GpioChip("gpiochip0", "pinctrl-bcm2711"), GpioChipFinder.find(root));
    }

    @Test
    void findsThePi3HeaderChip() throws IOException {
        chip("gpiochip0", "pinctrl-bcm2835");
        chip("gpiochip1", "raspberrypi-exp-gpio");

        assertEquals(new GpioChip("gpiochip0", "pinctrl-bcm2835"), GpioChipFinder.find(root));
    }

    @Test
    void readsTheLabelOfTheLegacySysfsEntryBesideTheChip() throws IOException {
        legacyChip("fe200000.gpio", "gpiochip0", "gpiochip512", "pinctrl-bcm2711");
        legacyChip("soc:firmware:gpio", "gpiochip1", "gpiochip570", "raspberrypi-exp-gpio");

        assertEquals(List.of(new GpioChip("gpiochip0", "pinctrl-bcm2711"),
                        new GpioChip("gpiochip1", "raspberrypi-exp-gpio")),
                GpioChipFinder.list(root));
        assertEquals("gpiochip0", GpioChipFinder.find(root).name());
    }

    @Test
    void listsChipsInNumericOrder() throws IOException {
        chip("gpiochip10", "b");
        chip("gpiochip2", "a");

        assertEquals(List.of("gpiochip2", "gpiochip10"),
                GpioChipFinder.list(root).stream().map(GpioChip::name).toList());
    }

    @Test
    void withoutAHeaderChipTheErrorListsTheChipsSeen() throws IOException {
        chip("gpiochip0", "gpio-mockup-A");
        Files.createDirectories(root.resolve("sys/bus/gpio/devices/gpiochip1"));

        GpioException error = assertThrows(GpioException.class, () -> GpioChipFinder.find(root));

        assertEquals("no Raspberry Pi header GPIO chip found: expected a chip labelled pinctrl-rp1 (Pi 5), "
                + "pinctrl-bcm2711 (Pi 4) or pinctrl-bcm2835 (Pi 3, Zero); chips seen: gpiochip0 [gpio-mockup-A], "
                + "gpiochip1 [no label]", error.getMessage());
    }

    @Test
    void withoutAnyChipTheErrorSaysSo() {
        GpioException error = assertThrows(GpioException.class, () -> GpioChipFinder.find(root));

        assertEquals("no GPIO chips found under /sys/bus/gpio/devices: this kernel exposes no GPIO character "
                + "devices (is this a Raspberry Pi?)", error.getMessage());
    }

    private void chip(String name, String label) throws IOException {
        Path dir = Files.createDirectories(root.resolve("sys/bus/gpio/devices").resolve(name));
        Files.writeString(dir.resolve("label"), label + "\n");
    }

    /** The kernel layout without a label on the chip: a bus symlink, the label on the legacy class entry. */
    private void legacyChip(String device, String name, String legacyName, String label) throws IOException {
        Path parent = root.resolve("sys/devices/platform/soc").resolve(device);
        Path real = Files.createDirectories(parent.resolve(name));
        Path legacy = Files.createDirectories(parent.resolve("gpio").resolve(legacyName));
        Files.writeString(legacy.resolve("label"), label + "\n");
        Path bus = Files.createDirectories(root.resolve("sys/bus/gpio/devices"));
        Files.createSymbolicLink(bus.resolve(name), real);
    }
}
