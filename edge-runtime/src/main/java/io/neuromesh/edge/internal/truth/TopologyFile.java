package io.neuromesh.edge.internal.truth;

import io.neuromesh.edge.internal.port.TopologyStore;
import org.tinylog.Logger;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The node's last applied topology in its state folder, {@code <stateDir>/topology.json}, exactly as published.
 * Written to a temporary file first and moved into place, so that a power cut leaves the old copy or the new one,
 * never half of one.
 */
public final class TopologyFile implements TopologyStore {

    /** The file name inside the state folder. */
    public static final String NAME = "topology.json";

    private final Path file;
    private final Path temporary;

    public TopologyFile(Path stateDir) {
        this.file = stateDir.resolve(NAME);
        this.temporary = stateDir.resolve(NAME + ".tmp");
    }

    @Override
    public Optional<byte[]> load() {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            Logger.warn("cannot read the local topology {}: {}; starting without it", file, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void save(byte[] document) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(temporary, document);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // The node runs on; it only starts from an older copy (or none) after its next restart.
            Logger.warn("cannot save the local topology {}: {}", file, e.toString());
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
