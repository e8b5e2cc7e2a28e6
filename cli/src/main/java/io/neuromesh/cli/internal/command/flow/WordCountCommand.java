package io.neuromesh.cli.internal.command.flow;

import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.flows.demo.WordCount;
import io.neuromesh.flows.demo.WordCountReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code flow wordcount <file>}: count the words of a text on the workers, a chunk of words per task. */
@Command(name = "wordcount", mixinStandardHelpOptions = true,
        description = "count the words of 5 or more characters in a text, on the workers")
final class WordCountCommand implements Callable<Integer> {

    /** How long one task may take. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final int DEFAULT_TOP = 10;
    private static final int MAX = 1_000_000;

    @Mixin
    private FlowDemoOptions demo = new FlowDemoOptions(DEFAULT_TIMEOUT);
    @Option(names = "--chunk", paramLabel = "N",
            description = "words per task (default: ${DEFAULT-VALUE}; 1 = one task per word, as the reference)")
    private int chunk = WordCount.DEFAULT_CHUNK;
    @Option(names = "--top", paramLabel = "K", description = "how many of the most frequent words to print"
            + " (default: ${DEFAULT-VALUE})")
    private int top = DEFAULT_TOP;
    @Parameters(paramLabel = "<file>", description = "a text file")
    private Path file;

    @Override
    public Integer call() {
        if (chunk < 1 || chunk > MAX) {
            throw new UsageException("--chunk must be between 1 and " + MAX + ", got " + chunk);
        }
        if (top < 0 || top > MAX) {
            throw new UsageException("--top must be between 0 and " + MAX + ", got " + top);
        }
        List<String> words = WordCount.words(FlowCommand.read(file));
        WordCountReport report = demo.run((client, route, timeout) -> WordCount.run(client, words, chunk, route,
                timeout));
        PrintStream out = demo.out();
        out.printf(Locale.ROOT, "%s: %d words in %d task%s (%d per task), on %s%n", file.getFileName(),
                report.words(), report.tasks(), report.tasks() == 1 ? "" : "s", chunk,
                FlowCommand.perWorker(report.perWorker()));
        List<Map.Entry<String, Integer>> most = report.top(top);
        out.println(counted(report.counts().size(), most.size()));
        for (Map.Entry<String, Integer> entry : most) {
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

    /**
     * {@code 469 distinct words of 5 or more characters (the ones counted); the 3 most frequent:}. Only those count
     * (the reference's rule): without this line a text of shorter words printed no count at all.
     */
    static String counted(int distinct, int shown) {
        String counted = (distinct == 0 ? "no word" : distinct + " distinct word" + (distinct == 1 ? "" : "s"))
                + " of " + WordCount.MIN_LENGTH + " or more characters (the ones counted)";
        return shown == 0 ? counted : shown == distinct ? counted + ":" : counted + "; the " + shown + " most frequent:";
    }
}
