package io.neuromesh.cli.internal.command.flow;

import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.flows.demo.Crawl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code flow fetch <urls-file>}: fetch every URL of a file on the workers and print status, size and title. */
@Command(name = "fetch", mixinStandardHelpOptions = true, description = "crawl the URLs of a file on the workers")
final class FetchCommand implements Callable<Integer> {

    private static final String ROW = "%-6s %9s  %-40s %s%n";
    private static final int TITLE_WIDTH = 40;

    @Mixin
    private FlowDemoOptions demo = new FlowDemoOptions(Crawl.DEFAULT_FETCH_TIMEOUT);
    @Parameters(paramLabel = "<urls-file>", description = "one URL per line; # starts a comment")
    private Path file;

    @Override
    public Integer call() {
        List<String> urls = Crawl.urls(FlowCommand.read(file).lines().toList());
        if (urls.isEmpty()) {
            throw new CommandFailedException(file + " lists no URLs (one per line; # starts a comment)");
        }
        Crawl.Report report = demo.run((client, route, timeout) -> Crawl.run(client, urls, timeout, route));
        PrintStream out = demo.out();
        int failed = 0;
        // An error too long for its column (say, which option enables a task) is printed whole after the table.
        List<String> clipped = new ArrayList<>();
        out.printf(ROW, "STATUS", "BYTES", "TITLE / ERROR", "URL");
        for (Crawl.Outcome outcome : report.outcomes()) {
            if (outcome.page() != null) {
                out.printf("%-6d %9d  %-40s %s%n", outcome.page().status(), outcome.page().bytes(),
                        outcome.page().title() == null ? "" : clip(outcome.page().title()), outcome.url());
            } else {
                failed++;
                out.printf(ROW, "error", "-", clip(outcome.error()), outcome.url());
                if (outcome.error().length() > TITLE_WIDTH) {
                    clipped.add(outcome.url() + ": " + outcome.error());
                }
            }
        }
        out.printf(Locale.ROOT, "%d URL%s on %s: %d answered, %d failed; wall time %.3f s%n", urls.size(),
                urls.size() == 1 ? "" : "s", FlowCommand.perWorker(report.perWorker()), urls.size() - failed, failed,
                report.wallTime().toNanos() / 1e9);
        clipped.forEach(error -> out.println("error: " + error));
        return 0;
    }

    private static String clip(String text) {
        return text.length() <= TITLE_WIDTH ? text : text.substring(0, TITLE_WIDTH - 3) + "...";
    }
}
