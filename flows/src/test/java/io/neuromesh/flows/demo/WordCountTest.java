package io.neuromesh.flows.demo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WordCountTest {

    static String fables() throws IOException {
        try (InputStream in = WordCountTest.class.getResourceAsStream("/wordcount/fables.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void splitsByTheReferenceRule() {
        assertEquals(List.of("Aesop's", "Fables", "Retold", "wolf"), WordCount.words(" Aesop's Fables,\n Retold.\twolf. "));
        assertEquals(List.of(), WordCount.words(" ,. "));
    }

    @Test
    void countsOnlyWordsOfFiveOrMoreCharactersCaseSensitively() {
        assertEquals(Map.of("Mouse", 2, "mouse", 1, "Grüße", 1),
                WordCount.count(List.of("Mouse", "Mouse.", "mouse", "Lion", "Grüße", "cat")));
    }

    @Test
    void acceptsLinesAsWellAsWords() {
        assertEquals(Map.of("quick", 1, "brown", 1), WordCount.count(List.of("the quick, brown fox")));
    }

    @Test
    void mergesCounts() {
        assertEquals(Map.of("apple", 3, "pears", 1),
                WordCount.merge(List.of(Map.of("apple", 1), Map.of("apple", 2, "pears", 1))));
    }

    @Test
    void ranksByCountThenByWordDescendingAsTheReference() {
        assertEquals(List.of(Map.entry("would", 12), Map.entry("which", 8), Map.entry("their", 8)),
                WordCount.top(Map.of("their", 8, "would", 12, "which", 8, "caught", 6), 3));
    }

    @Test
    void theTestTextHasExactly2190Words() throws IOException {
        assertEquals(2190, WordCount.words(fables()).size());
    }
}
