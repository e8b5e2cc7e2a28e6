package io.neuromesh.cli.internal.command.topology;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What {@code topology apply} prints of a node's hosted neurons. */
class RolloutTest {

    @Test
    void listsAFewNeuronsById() {
        assertEquals("no neurons", Rollout.hosting(List.of()));
        assertEquals("h3 z", Rollout.hosting(List.of("h3", "z")));
        List<String> twelve = IntStream.range(0, Rollout.SHOWN_NEURONS).mapToObj(i -> "n" + i).toList();
        assertEquals(String.join(" ", twelve), Rollout.hosting(twelve));
    }

    @Test
    void countsManyNeuronsAndShowsTheFirst() {
        List<String> many = IntStream.range(0, 50_112).mapToObj(i -> "n" + i).toList();
        assertEquals("50,112 neurons (n0 n1 n2 n3 n4 n5 n6 n7 n8 n9 n10 n11 ...; neuromesh nodes --json lists them)",
                Rollout.hosting(many));
    }
}
