package io.neuromesh.gpio.internal.detect;

import io.neuromesh.gpio.GpioException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the GPIO chip wired to the 40-pin header by its label, never by number: the number moves between models
 * and kernels (on a Pi 5 the header chip was gpiochip4 until kernel 6.6.45, gpiochip0 since).
 *
 * <p>Reads {@code /sys/bus/gpio/devices/gpiochipN}: the chip's own {@code label} file where the kernel has one,
 * otherwise the {@code label} of the legacy sysfs entry ({@code gpio/gpiochipBASE}) that sits beside it under the
 * same parent device.
 */
public final class GpioChipFinder {

    /** Header chip labels, newest board first: Pi 5, Pi 4 / 400 / CM4, Pi 1-3 / Zero / Zero 2. */
    public static final List<String> HEADER_LABELS = List.of("pinctrl-rp1", "pinctrl-bcm2711", "pinctrl-bcm2835");

    private static final String DEVICES = "sys/bus/gpio/devices";
    private static final Pattern CHIP_NAME = Pattern.compile("gpiochip(\\d+)");

    private GpioChipFinder() {
    }

    /**
     * @param root the file system root, {@code /} except in tests
     * @return the header chip
     * @throws GpioException if no chip carries a header label; the message lists the chips seen
     */
    public static GpioChip find(Path root) {
        List<GpioChip> chips = list(root);
        for (String label : HEADER_LABELS) {
            for (GpioChip chip : chips) {
                if (chip.label().equals(label)) {
                    return chip;
                }
            }
        }
        if (chips.isEmpty()) {
            throw new GpioException("no GPIO chips found under /" + DEVICES
                    + ": this kernel exposes no GPIO character devices (is this a Raspberry Pi?)");
        }
        throw new GpioException("no Raspberry Pi header GPIO chip found: expected a chip labelled "
                + "pinctrl-rp1 (Pi 5), pinctrl-bcm2711 (Pi 4) or pinctrl-bcm2835 (Pi 3, Zero); chips seen: "
                + chips.stream().map(GpioChip::toString).collect(Collectors.joining(", ")));
    }

    /**
     * @param root the file system root, {@code /} except in tests
     * @return every GPIO chip under {@code /sys/bus/gpio/devices}, by number
     */
    public static List<GpioChip> list(Path root) {
        Path devices = root.resolve(DEVICES);
        if (!Files.isDirectory(devices)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(devices)) {
            return entries.filter(entry -> CHIP_NAME.matcher(entry.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(GpioChipFinder::number))
                    .map(entry -> new GpioChip(entry.getFileName().toString(), label(entry)))
                    .toList();
        } catch (IOException e) {
            throw new GpioException("cannot list /" + DEVICES + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new GpioException("cannot read /" + DEVICES + ": " + e.getCause().getMessage(), e);
        }
    }

    private static int number(Path chip) {
        var matcher = CHIP_NAME.matcher(chip.getFileName().toString());
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : Integer.MAX_VALUE;
    }

    private static String label(Path chip) {
        try {
            Path own = chip.resolve("label");
            if (Files.isRegularFile(own)) {
                return read(own);
            }
            Path legacy = chip.toRealPath().getParent().resolve("gpio");
            if (!Files.isDirectory(legacy)) {
                return "";
            }
            Set<String> labels = new TreeSet<>();
            try (Stream<Path> entries = Files.list(legacy)) {
                for (Path entry : entries.toList()) {
                    Path label = entry.resolve("label");
                    if (entry.getFileName().toString().startsWith("gpiochip") && Files.isRegularFile(label)) {
                        labels.add(read(label));
                    }
                }
            }
            // Several chips of one device share its label (the Pi 5's gpio-brcmstb); different labels are ambiguous.
            return labels.size() == 1 ? labels.iterator().next() : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\0", "").strip();
    }
}
