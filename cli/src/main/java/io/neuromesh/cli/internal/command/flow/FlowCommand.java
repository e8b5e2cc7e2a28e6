package io.neuromesh.cli.internal.command.flow;

import io.neuromesh.cli.internal.Args;
import io.neuromesh.cli.internal.Command;
import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.Option;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.flows.FlowClient;
import io.neuromesh.flows.demo.Crawl;
import io.neuromesh.flows.demo.WordCount;
import io.neuromesh.flows.demo.WordCountReport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code neuromesh flow wordcount <file>} and {@code neuromesh flow fetch <urls-file>}: the reference's demos, run on
 * the fleet's workers.
 */
public final class FlowCommand implements Command {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final int DEFAULT_TOP = 10;

    @Override
    public String name() {
        return "flow";
    }

    @Override
    public String synopsis() {
        return "wordcount <file> [--chunk N] [--queue Q] [--timeout D] | fetch <urls-file> [--queue Q] [--timeout D]";
    }

    @Override
    public String summary() {
        return "run a built-in demo on the workers: word count of a text, or a crawl of URLs";
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.value("chunk", "N", "wordcount: words per task (default " + WordCount.DEFAULT_CHUNK
                        + "; 1 = one task per word, as the reference)"),
                Option.value("top", "K", "wordcount: how many of the most frequent words to print (default "
                        + DEFAULT_TOP + ")"),
                Option.value("queue", "Q", "queue the tasks go to (default default)"),
                Option.value("timeout", "DURATION", "wordcount: per-task timeout (default 30s); fetch: per-URL "
                        + "fetch timeout (default " + Crawl.DEFAULT_FETCH_TIMEOUT.toSeconds() + "s)"),
                BROKER);
    }

    @Override
    public int run(Args args, PrintStream out) {
        String demo = args.positional(0, "demo (wordcount or fetch)");
        return switch (demo) {
            case "wordcount" -> wordCount(args, out);
            case "fetch" -> fetch(args, out);
            default -> throw new UsageException("unknown demo '" + demo + "'; use wordcount or fetch");
        };
    }

    private int wordCount(Args args, PrintStream out) {
        Path file = Path.of(args.positional(1, "<file>"));
        args.maxPositional(2);
        int chunk = args.intValue("chunk", WordCount.DEFAULT_CHUNK, 1, 1_000_000);
        int top = args.intValue("top", DEFAULT_TOP, 0, 1_000_000);
        Duration timeout = args.duration("timeout", DEFAULT_TIMEOUT);
        List<String> words = WordCount.words(read(file));
        WordCountReport report;
        try (FlowClient client = FlowConnect.client(args)) {
            report = WordCount.run(client, words, chunk, FlowConnect.queue(args), timeout);
        }
        out.printf(Locale.ROOT, "%s: %d words in %d tasks (%d per task), on %s%n", file.getFileName(),
                report.words(), report.tasks(), chunk, perWorker(report.perWorker()));
        for (Map.Entry<String, Integer> entry : report.top(top)) {
            out.printf("%7d  %s%n", entry.getValue(), entry.getKey());
        }
        out.printf(Locale.ROOT, "wall time: %.3f s%n", report.wallTime().toNanos() / 1e9);
        if (!report.errors().isEmpty()) {
            report.errors().stream().limit(5).forEach(e -> out.println("error: " + e));
            throw new CommandFailedException(report.errors().size() + " of " + report.tasks()
                    + " tasks failed, so the counts are incomplete (first: " + report.errors().get(0) + ")");
        }
        return 0;
    }

    private int fetch(Args args, PrintStream out) {
        Path file = Path.of(args.positional(1, "<urls-file>"));
        args.maxPositional(2);
        Duration timeout = args.duration("timeout", Crawl.DEFAULT_FETCH_TIMEOUT);
        List<String> urls = Crawl.urls(read(file).lines().toList());
        if (urls.isEmpty()) {
            throw new CommandFailedException(file + " lists no URLs (one per line; # starts a comment)");
        }
        Crawl.Report report;
        try (FlowClient client = FlowConnect.client(args)) {
            report = Crawl.run(client, urls, timeout, FlowConnect.queue(args));
        }
        int failed = 0;
        out.printf("%-6s %9s  %-40s %s%n", "STATUS", "BYTES", "TITLE / ERROR", "URL");
        for (Crawl.Outcome outcome : report.outcomes()) {
            if (outcome.page() != null) {
                out.printf("%-6d %9d  %-40s %s%n", outcome.page().status(), outcome.page().bytes(),
                        outcome.page().title() == null ? "" : clip(outcome.page().title()), outcome.url());
            } else {
                failed++;
                out.printf("%-6s %9s  %-40s %s%n", "error", "-", clip(outcome.error()), outcome.url());
            }
        }
        out.printf(Locale.ROOT, "%d URLs on %s: %d answered, %d failed; wall time %.3f s%n", urls.size(),
                perWorker(report.perWorker()), urls.size() - failed, failed, report.wallTime().toNanos() / 1e9);
        return 0;
    }

    private static String perWorker(Map<String, Integer> perWorker) {
        if (perWorker.isEmpty()) {
            return "no worker";
        }
        return perWorker.size() + " worker" + (perWorker.size() == 1 ? "" : "s") + " ("
                + perWorker.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CommandFailedException("no such file: " + file);
        } catch (IOException e) {
            throw new CommandFailedException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
