package io.neuromesh.cli.it;

import io.neuromesh.testkit.broker.FreePorts;
import io.neuromesh.testkit.process.ManagedProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's task flows, as a user runs them: a broker and two workers as OS processes through the launcher,
 * {@code workers} listing them, and {@code flow wordcount} counting the fables on both, with the counts the
 * reference gives; a text with no word long enough to count says so instead of printing no count at all.
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
}
