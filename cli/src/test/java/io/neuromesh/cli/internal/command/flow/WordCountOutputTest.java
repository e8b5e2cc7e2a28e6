package io.neuromesh.cli.internal.command.flow;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lines {@code flow wordcount} prints around the counts. */
class WordCountOutputTest {

    @Test
    void theCountedLineSaysWhichWordsCountAndHowManyFollow() {
        assertEquals("no word of 5 or more characters (the ones counted)", WordCountCommand.counted(0, 0));
        assertEquals("1 distinct word of 5 or more characters (the ones counted):", WordCountCommand.counted(1, 1));
        assertEquals("469 distinct words of 5 or more characters (the ones counted); the 3 most frequent:",
                WordCountCommand.counted(469, 3));
        assertEquals("469 distinct words of 5 or more characters (the ones counted)", WordCountCommand.counted(469, 0));
    }

    @Test
    void workersAreListedByName() {
        Map<String, Integer> perWorker = new LinkedHashMap<>();
        perWorker.put("n3", 5);
        perWorker.put("n1", 12);
        perWorker.put("n2", 5);
        assertEquals("3 workers (n1 12, n2 5, n3 5)", FlowCommand.perWorker(perWorker));
        assertEquals("1 worker (n1 1)", FlowCommand.perWorker(Map.of("n1", 1)));
        assertEquals("no worker", FlowCommand.perWorker(Map.of()));
    }
}
