package io.neuromesh.cli.internal.history;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.topology.Topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The CLI's local record of the topologies the fleet accepted, in {@code <home>/history/}: each one saved as
 * {@code <rev>-<shortHash>.json} exactly as published, and one line per apply appended to {@code index.jsonl}
 * ({@code {"rev":3,"hash":"...","file":"3-....json","appliedAtMs":...,"nodes":["n1"],"source":"xor.json"}}), the
 * order of which is the order of the applies. Holds no state but the folder's path: calls from several threads or
 * CLI processes may interleave, and each index line is written by one small append.
 */
public final class TopologyHistory {

    /** The environment variable naming the CLI's home folder; {@code ~/.neuromesh} when unset. */
    public static final String HOME_ENV = "NEUROMESH_HOME";
    private static final String INDEX = "index.jsonl";

    private final Path directory;

    /** @param home the CLI's home folder; the history lives in its {@code history} subfolder, made on first use */
    public TopologyHistory(Path home) {
        this.directory = home.resolve("history");
    }

    /** @return the history under {@code $NEUROMESH_HOME}, else under {@code ~/.neuromesh} */
    public static TopologyHistory atDefaultHome() {
        String env = System.getenv(HOME_ENV);
        return new TopologyHistory(env == null || env.isBlank()
                ? Path.of(System.getProperty("user.home"), ".neuromesh") : Path.of(env));
    }

    /** @return the folder holding the saved topologies and the index */
    public Path directory() {
        return directory;
    }

    /**
     * Saves a topology that every online node applied and appends it to the index.
     *
     * @param topology the parsed topology
     * @param json     the document exactly as published
     * @param nodes    the nodes that applied it
     * @param source   where it came from, for {@code topology history}
     * @param at       when the last node reported it applied
     * @return the new entry
     * @throws CommandFailedException when the folder cannot be written
     */
    public HistoryEntry record(Topology topology, byte[] json, Collection<String> nodes, String source, Instant at) {
        String name = topology.rev() + "-" + topology.shortHash() + ".json";
        List<String> sorted = new ArrayList<>(nodes);
        Collections.sort(sorted);
        HistoryEntry entry = new HistoryEntry(topology.rev(), topology.contentHash(), at, sorted, source,
                directory.resolve(name));
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, name, ".partial");
            Files.write(partial, json);
            Files.move(partial, entry.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(directory.resolve(INDEX), toJson(entry) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new CommandFailedException("cannot write the topology history in " + directory + " (" + e + ")");
        }
        return entry;
    }

    /**
     * @return every recorded apply, newest first; empty when nothing was recorded yet
     * @throws CommandFailedException when the index cannot be read or has a line that is not an entry
     */
    public List<HistoryEntry> entries() {
        Path index = directory.resolve(INDEX);
        List<String> lines;
        try {
            lines = Files.readAllLines(index, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new CommandFailedException("cannot read " + index + " (" + e + ")");
        }
        List<HistoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                entries.add(parse(lines.get(i), index, i + 1));
            }
        }
        Collections.reverse(entries);
        return List.copyOf(entries);
    }

    /**
     * @return the saved document of {@code entry}, exactly as it was published
     * @throws CommandFailedException when the file is gone or unreadable
     */
    public byte[] read(HistoryEntry entry) {
        try {
            return Files.readAllBytes(entry.file());
        } catch (NoSuchFileException e) {
            throw new CommandFailedException(entry.file() + ": missing from the topology history (rev " + entry.rev()
                    + " is listed in " + directory.resolve(INDEX) + ")");
        } catch (IOException e) {
            throw new CommandFailedException("cannot read " + entry.file() + " (" + e + ")");
        }
    }

    private static String toJson(HistoryEntry entry) {
        JsonObject json = new JsonObject();
        json.addProperty("rev", entry.rev());
        json.addProperty("hash", entry.hash());
        json.addProperty("file", entry.file().getFileName().toString());
        json.addProperty("appliedAtMs", entry.appliedAt().toEpochMilli());
        JsonArray nodes = new JsonArray();
        entry.nodes().forEach(nodes::add);
        json.add("nodes", nodes);
        json.addProperty("source", entry.source());
        return json.toString();
    }

    private HistoryEntry parse(String line, Path index, int number) {
        try {
            JsonObject json = JsonParser.parseString(line).getAsJsonObject();
            List<String> nodes = new ArrayList<>();
            for (JsonElement node : json.getAsJsonArray("nodes")) {
                nodes.add(node.getAsString());
            }
            String file = json.get("file").getAsString();
            if (file.contains("/") || file.contains("\\")) {
                throw new IllegalArgumentException("file must be a name inside the history folder");
            }
            return new HistoryEntry(json.get("rev").getAsLong(), json.get("hash").getAsString(),
                    Instant.ofEpochMilli(json.get("appliedAtMs").getAsLong()), nodes, json.get("source").getAsString(),
                    directory.resolve(file));
        } catch (RuntimeException e) {
            throw new CommandFailedException(index + " line " + number + ": not a history entry (" + e.getMessage()
                    + "); fix or delete that line");
        }
    }
}
