package io.neuromesh.flows;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnabledTasksTest {

    @Test
    void theDefaultRunsTheBuiltInsThatOnlyComputeAndNothingThatReachesTheNetwork() {
        EnabledTasks safe = Worker.builder().broker("tcp://127.0.0.1:1883").name("w").config().enabledTasks();

        assertEquals(EnabledTasks.SAFE, safe);
        for (String name : Set.of("noop", "echo", "sleep", "fail", "wordcount.count", "wordcount.merge")) {
            assertTrue(safe.enables(name), name);
        }
        assertFalse(safe.enables("http.fetch"));
        assertFalse(safe.enables("shout"), "a task of a jar runs only when named");
    }

    @Test
    void parsesNamesAndKeywords() {
        EnabledTasks some = EnabledTasks.parse("safe, http.fetch,shout");

        assertTrue(some.enables("echo"));
        assertTrue(some.enables("http.fetch"));
        assertTrue(some.enables("shout"));
        assertFalse(some.enables("other"));
        assertEquals("safe,http.fetch,shout", some.toString());
        assertTrue(EnabledTasks.parse("all").enables("anything"));
        EnabledTasks none = EnabledTasks.parse("none");
        assertFalse(none.enables("echo"));
        assertEquals("none", none.toString());
        assertEquals(EnabledTasks.parse("http.fetch"), EnabledTasks.of("http.fetch"));
        assertEquals("safe,http.fetch", EnabledTasks.SAFE.plus("http.fetch").toString());
    }

    @Test
    void refusesEntriesThatAreNeitherNamesNorKeywordsAndAnEmptyList() {
        assertEquals("tasks: 'http fetch' is neither a task name (1-128 of A-Z a-z 0-9 _ . -) nor a keyword (safe, all,"
                        + " none)",
                assertThrows(IllegalArgumentException.class, () -> EnabledTasks.parse("safe,http fetch")).getMessage());
        assertEquals("tasks: name at least one task or keyword (safe, all, none)",
                assertThrows(IllegalArgumentException.class, () -> EnabledTasks.parse(" , ")).getMessage());
    }
}
