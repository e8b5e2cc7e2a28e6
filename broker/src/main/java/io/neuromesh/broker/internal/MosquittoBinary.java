package io.neuromesh.broker.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the {@code mosquitto} executable. */
public final class MosquittoBinary {

    /** Where Debian and Ubuntu install it; {@code /usr/sbin} is often not on a normal user's PATH. */
    static final Path DEBIAN_LOCATION = Path.of("/usr/sbin/mosquitto");

    private MosquittoBinary() {
    }

    /**
     * @return the executable from the {@code PATH} or {@link #DEBIAN_LOCATION}, if any
     */
    public static Optional<Path> locate() {
        return locate(System.getenv("PATH"), List.of(DEBIAN_LOCATION));
    }

    /**
     * @param pathVariable a {@code PATH}-style list of folders, may be null
     * @param fallbacks    executables to try after the {@code PATH}
     * @return the first executable file called {@code mosquitto}
     */
    static Optional<Path> locate(String pathVariable, List<Path> fallbacks) {
        List<Path> candidates = new ArrayList<>();
        if (pathVariable != null) {
            for (String folder : pathVariable.split(File.pathSeparator)) {
                if (!folder.isBlank()) {
                    try {
                        candidates.add(Path.of(folder, "mosquitto"));
                    } catch (InvalidPathException ignored) {
                        // A malformed PATH entry cannot hold mosquitto; the other entries still can.
                    }
                }
            }
        }
        candidates.addAll(fallbacks);
        return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }
}
