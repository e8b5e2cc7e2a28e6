package io.neuromesh.cli.internal.command.flow;

import io.neuromesh.cli.internal.CommandFailedException;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code neuromesh flow wordcount <file>} and {@code neuromesh flow fetch <urls-file>}: the reference's demos, run on
 * the fleet's workers. This parent holds what both print.
 */
@Command(name = "flow", mixinStandardHelpOptions = true,
        description = "run a built-in demo on the workers: word count of a text, or a crawl of URLs",
        subcommands = {WordCountCommand.class, FetchCommand.class})
public final class FlowCommand {

    /** @return {@code 2 workers (w1 10, w2 12)} (by name), or {@code no worker} */
    static String perWorker(Map<String, Integer> perWorker) {
        if (perWorker.isEmpty()) {
            return "no worker";
        }
        return perWorker.size() + " worker" + (perWorker.size() == 1 ? "" : "s") + " ("
                + perWorker.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")";
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CommandFailedException("no such file: " + file);
        } catch (IOException e) {
            throw new CommandFailedException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
