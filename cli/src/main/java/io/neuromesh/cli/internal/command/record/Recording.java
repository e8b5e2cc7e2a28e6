package io.neuromesh.cli.internal.command.record;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.edge.Replay;
import io.neuromesh.edge.wire.InputCodec;
import io.neuromesh.edge.wire.WireFormatException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A recording file of {@code neuromesh record}: JSON lines, one object per line with a {@code "kind"}:
 * <ul>
 *   <li>{@code start}: {@code rev}, {@code hash}, {@code tickMs} of the topology the fleet ran, {@code at} (epoch ms);</li>
 *   <li>{@code initial-output} and {@code initial-state}: a neuron's retained output ({@code value}) and sensor
 *   values ({@code sensors}) when the recording started;</li>
 *   <li>{@code input}: an input from a sensor or a user, {@code to} a neuron, {@code at} when the recorder got it,
 *   {@code input} the payload as published;</li>
 *   <li>{@code output}: a settled output the fleet published, with its {@code tick}.</li>
 * </ul>
 *
 * @param rev     the rev the fleet ran
 * @param hash    its content hash
 * @param start   the fleet's state at the start
 * @param steps   the inputs
 * @param outputs the fleet's outputs with a tick, in the order they arrived
 */
record Recording(long rev, String hash, Replay.Start start, List<Replay.Step> steps, List<Replay.TickOutput> outputs) {

    /** @throws CommandFailedException naming the file and line of what is wrong */
    static Recording read(Path file) {
        long rev = 0;
        String hash = "";
        Map<String, Integer> outputsAtStart = new HashMap<>();
        Map<String, Map<String, Double>> sensorsAtStart = new HashMap<>();
        List<Replay.Step> steps = new ArrayList<>();
        List<Replay.TickOutput> outputs = new ArrayList<>();
        int line = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonObject o = JsonParser.parseString(text).getAsJsonObject();
                switch (o.get("kind").getAsString()) {
                    case "start" -> {
                        rev = o.get("rev").getAsLong();
                        hash = o.get("hash").getAsString();
                    }
                    case "initial-output" -> outputsAtStart.put(o.get("neuron").getAsString(), o.get("value").getAsInt());
                    case "initial-state" -> {
                        Map<String, Double> sensors = new HashMap<>();
                        o.getAsJsonObject("sensors").entrySet()
                                .forEach(e -> sensors.put(e.getKey(), e.getValue().getAsDouble()));
                        sensorsAtStart.put(o.get("neuron").getAsString(), sensors);
                    }
                    case "input" -> steps.add(new Replay.Step(o.get("to").getAsString(),
                            InputCodec.decode(o.get("input").toString().getBytes(StandardCharsets.UTF_8)),
                            Instant.ofEpochMilli(o.get("at").getAsLong())));
                    case "output" -> outputs.add(new Replay.TickOutput(o.get("tick").getAsLong(),
                            o.get("neuron").getAsString(), o.get("value").getAsInt()));
                    default -> {
                        // Kinds from a newer version (and "end") carry nothing a replay needs.
                    }
                }
            }
        } catch (NoSuchFileException e) {
            throw new CommandFailedException(file + ": no such file");
        } catch (IOException e) {
            throw new CommandFailedException(file + ": cannot read (" + e.getMessage() + ")");
        } catch (WireFormatException | JsonParseException | IllegalStateException | NullPointerException
                 | UnsupportedOperationException | IllegalArgumentException e) {
            throw new CommandFailedException(file + ":" + line + ": not a recording line (" + e.getMessage() + ")");
        }
        if (rev == 0) {
            throw new CommandFailedException(file + ": not a recording of neuromesh record (no start line)");
        }
        return new Recording(rev, hash, new Replay.Start(outputsAtStart, sensorsAtStart), steps, outputs);
    }

    /** One line of the file. */
    static String line(String kind, JsonObject fields) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", kind);
        for (Map.Entry<String, JsonElement> e : fields.entrySet()) {
            o.add(e.getKey(), e.getValue());
        }
        return o.toString();
    }
}
