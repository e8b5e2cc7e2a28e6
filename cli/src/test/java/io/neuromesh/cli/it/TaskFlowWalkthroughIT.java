package io.neuromesh.cli.it;

import com.sun.net.httpserver.HttpServer;
import io.neuromesh.testkit.broker.FreePorts;
import io.neuromesh.testkit.process.ManagedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's task flows, as a user runs them: a broker and workers as OS processes through the launcher,
 * {@code workers} listing them, {@code flow wordcount} counting the fables on two, with the counts the reference
 * gives (a text with no word long enough to count says so instead of printing no count at all), and {@code flow
 * fetch} crawling a local web server on the one worker started with {@code http.fetch}, while a worker without it
 * refuses and says how to enable it.
 */
@Timeout(240)
class TaskFlowWalkthroughIT extends WalkthroughBase {

    private static final Pattern SPLIT = Pattern.compile("on 2 workers \\(w1 (\\d+), w2 (\\d+)\\)");

    @Test
    void twoWorkersCountTheFablesAndWorkersListsThem(@TempDir Path dir) throws Exception {
        int port = FreePorts.next();
        String broker = "tcp://127.0.0.1:" + port;
        launcher.start("broker", "broker", "--port", Integer.toString(port), "--in-memory")
                .awaitOutput("broker listening on tcp://127\\.0\\.0\\.1:" + port, STARTUP);
        for (String name : new String[] {"w1", "w2"}) {
            launcher.start(name, "worker", "--name", name, "--broker", broker)
                    .awaitOutput("worker " + name + " online on ", STARTUP);
        }
        await().atMost(STARTUP).until(() -> launcher.run(60, "workers", "--broker", broker).output()
                .matches("(?s).*\\nw1 +online +default.*\\nw2 +online +default.*"));

        ManagedProcess.Result count = launcher.run(60, "flow", "wordcount",
                "flows/src/test/resources/wordcount/fables.txt", "--chunk", "100", "--top", "3", "--broker", broker);
        String out = count.output();
        assertEquals(0, count.exitCode(), out);
        assertTrue(out.contains("fables.txt: 2190 words in 22 tasks (100 per task), on 2 workers"), out);
        Matcher split = SPLIT.matcher(out);
        assertTrue(split.find(), out);
        assertEquals(22, Integer.parseInt(split.group(1)) + Integer.parseInt(split.group(2)), out);
        assertTrue(Pattern.compile("\\n\\d+ distinct words of 5 or more characters \\(the ones counted\\); the 3 most"
                + " frequent:\\n +15  Mouse\\n +9  little\\n +6  about\\nwall time: ").matcher(out).find(), out);

        Path shortWords = Files.writeString(dir.resolve("short.txt"), "the cat and the dog.\nThe end, at last\n");
        ManagedProcess.Result none = launcher.run(60, "flow", "wordcount", shortWords.toString(), "--broker", broker);
        assertEquals(0, none.exitCode(), none.output());
        assertTrue(none.output().contains("short.txt: 9 words in 1 task (100 per task), on 1 worker"), none.output());
        assertTrue(none.output().contains("\nno word of 5 or more characters (the ones counted)\nwall time: "),
                none.output());
    }

    @Test
    void onlyAWorkerStartedWithHttpFetchCrawlsTheUrlsOfAFile(@TempDir Path dir) throws Exception {
        HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/", exchange -> {
            byte[] page = "<html><head><title>Fables</title></head><body>The Lion and the Mouse</body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            boolean found = exchange.getRequestURI().getPath().equals("/");
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(found ? 200 : 404, found ? page.length : -1);
            exchange.getResponseBody().write(found ? page : new byte[0]);
            exchange.close();
        });
        web.start();
        try {
            int port = FreePorts.next();
            String broker = "tcp://127.0.0.1:" + port;
            launcher.start("broker", "broker", "--port", Integer.toString(port), "--in-memory")
                    .awaitOutput("broker listening on tcp://127\\.0\\.0\\.1:" + port, STARTUP);
            ManagedProcess crawler = launcher.start("crawler", "worker", "--name", "crawler", "--queue", "crawl",
                    "--tasks", "safe,http.fetch", "--broker", broker);
            crawler.awaitOutput("worker crawler online on ", STARTUP);
            crawler.awaitOutput("tasks: echo, fail, http\\.fetch, noop, sleep, wordcount\\.count, wordcount\\.merge",
                    STARTUP);

            String site = "http://127.0.0.1:" + web.getAddress().getPort();
            Path urls = Files.writeString(dir.resolve("urls.txt"), "# the README's crawl\n" + site + "/\n" + site
                    + "/missing\n");
            ManagedProcess.Result fetch = launcher.run(60, "flow", "fetch", urls.toString(), "--queue", "crawl",
                    "--broker", broker);
            String out = fetch.output();
            assertEquals(0, fetch.exitCode(), out);
            assertTrue(Pattern.compile("(?m)^200 +\\d+ +Fables +" + Pattern.quote(site + "/") + "$").matcher(out)
                    .find(), out);
            assertTrue(Pattern.compile("(?m)^404 +.*" + Pattern.quote(site + "/missing") + "$").matcher(out).find(),
                    out);
            assertTrue(out.contains("2 URLs on 1 worker (crawler 2): 2 answered, 0 failed; wall time "), out);

            // A worker of the default queue runs the safe tasks only: it refuses, and says how to enable the task.
            launcher.start("w1", "worker", "--name", "w1", "--broker", broker)
                    .awaitOutput("worker w1 online on ", STARTUP);
            Path one = Files.writeString(dir.resolve("one.txt"), site + "/\n");
            String refused = launcher.run(60, "flow", "fetch", one.toString(), "--broker", broker).output();
            assertTrue(refused.contains("1 URL on 1 worker (w1 1): 0 answered, 1 failed; wall time "), refused);
            assertTrue(refused.contains("\nerror: " + site + "/: task 'http.fetch' is not enabled on worker w1; start"
                    + " it with --tasks safe,http.fetch"), refused);
        } finally {
            web.stop(0);
        }
    }
}
