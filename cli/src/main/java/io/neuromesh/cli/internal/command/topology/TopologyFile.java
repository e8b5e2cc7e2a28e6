package io.neuromesh.cli.internal.command.topology;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.edge.FleetTopology;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A topology file given on the command line, read and validated before anything is published or compared.
 *
 * @param path     as the user typed it
 * @param json     the file's bytes, published exactly as they are
 * @param topology the parsed, valid topology
 */
public record TopologyFile(Path path, byte[] json, Topology topology) {

    /**
     * @throws CommandFailedException when the file cannot be read ({@code x.json: no such file}) or is not a valid
     *                                topology (its errors, one per line)
     */
    public static TopologyFile load(Path path) {
        byte[] json = read(path);
        try {
            return new TopologyFile(path, json, Topology.parse(json));
        } catch (TopologyException e) {
            StringBuilder message = new StringBuilder(path + ": " + e.errors().size() + " error(s)");
            e.errors().forEach(error -> message.append(System.lineSeparator()).append("  ").append(error));
            throw new CommandFailedException(message.toString());
        }
    }

    static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new CommandFailedException(path + ": no such file");
        } catch (IOException e) {
            throw new CommandFailedException(path + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** @return e.g. {@code rev 1, 6 neurons, 8 synapses, 2 sensors, 1 actuators, hash 0123456789abcdef} */
    static String describe(Topology t) {
        return describe(t, t.contentHash());
    }

    /** {@link #describe(Topology)} with {@code t}'s content hash already computed (a second for a large one). */
    static String describe(Topology t, String contentHash) {
        return "rev " + t.rev() + ", " + (t.isTicked() ? "ticks of " + t.tick().toMillis() + " ms, " : "")
                + t.neurons().size() + " neurons, " + t.synapses().size() + " synapses, "
                + t.sensors().size() + " sensors, " + t.actuators().size() + " actuators, hash "
                + FleetTopology.shortHash(contentHash);
    }

    /**
     * @return what {@code topology validate --json} prints for a file: whether it is valid, and its summary or errors
     */
    static JsonObject validation(Path path, byte[] json) {
        JsonObject result = new JsonObject();
        result.addProperty("file", path.toString());
        try {
            Topology t = Topology.parse(json);
            result.addProperty("valid", true);
            result.addProperty("rev", t.rev());
            result.addProperty("tickMs", t.tick().toMillis());
            result.addProperty("neurons", t.neurons().size());
            result.addProperty("synapses", t.synapses().size());
            result.addProperty("sensors", t.sensors().size());
            result.addProperty("actuators", t.actuators().size());
            result.addProperty("hash", t.contentHash());
        } catch (TopologyException e) {
            result.addProperty("valid", false);
            JsonArray list = new JsonArray();
            e.errors().forEach(list::add);
            result.add("errors", list);
        }
        return result;
    }
}
