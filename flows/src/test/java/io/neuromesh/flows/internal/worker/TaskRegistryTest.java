package io.neuromesh.flows.internal.worker;

import io.neuromesh.flows.EnabledTasks;
import io.neuromesh.flows.Task;
import io.neuromesh.flows.testing.TaskJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskRegistryTest {

    @Test
    void findsTheBuiltInsThroughTheServiceLoaderAndRunsOnlyTheEnabledOnes() {
        try (TaskRegistry registry = TaskRegistry.load(null, List.of(), EnabledTasks.SAFE)) {
            assertEquals(Set.of("echo", "fail", "noop", "sleep", "wordcount.count", "wordcount.merge"),
                    registry.names());
            assertEquals(Set.of("http.fetch"), registry.disabled());
            assertFalse(registry.enabled("http.fetch"));
            assertEquals("task 'http.fetch' is not enabled on worker n2; start it with --tasks safe,http.fetch",
                    registry.notEnabled("http.fetch", "n2"));
        }
        try (TaskRegistry registry = TaskRegistry.load(null, List.of(), EnabledTasks.ALL)) {
            assertEquals(Set.of("echo", "fail", "http.fetch", "noop", "sleep", "wordcount.count", "wordcount.merge"),
                    registry.names());
        }
    }

    @Test
    void refusesToEnableATaskItDoesNotHaveAndListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TaskRegistry.load(null, List.of(), EnabledTasks.parse("safe,http.fecth")));

        assertEquals("tasks: unknown task 'http.fecth'; known tasks: echo, fail, http.fetch, noop, sleep,"
                + " wordcount.count, wordcount.merge", e.getMessage());
    }

    @Test
    void runsTasksRegisteredInCodeWhateverIsEnabledAndLetsThemReplaceABuiltIn() throws Exception {
        Task<String, String> echo = Task.of("echo", String.class, (text, context) -> "mine");
        Task<String, String> square = Task.of("square", String.class, (text, context) -> text);
        try (TaskRegistry registry = TaskRegistry.load(null, List.of(echo, square), EnabledTasks.parse("none"))) {
            assertEquals("mine", registry.get("echo").run("x", null));
            assertEquals(Set.of("echo", "square"), registry.names());
        }
    }

    @Test
    void loadsProvidersFromJarsInTheTaskFolderAndSaysWhichJarBroughtWhat(@TempDir Path dir) throws Exception {
        Path jar = TaskJars.shoutJar(dir);

        try (TaskRegistry registry = TaskRegistry.load(dir, List.of(), EnabledTasks.SAFE)) {
            assertFalse(registry.enabled("shout"), "a jar's task runs only when enabled");
            assertTrue(registry.disabled().contains("shout"), registry.disabled().toString());
            assertEquals(Map.of(jar.toAbsolutePath(), List.of("shout")), registry.jarTasks());
        }
        try (TaskRegistry registry = TaskRegistry.load(dir, List.of(), EnabledTasks.parse("safe,shout"))) {
            assertTrue(registry.names().contains("shout"), registry.names().toString());
            assertEquals("HELLO!", registry.get("shout").run("hello", null));
        }
    }

    @Test
    void treatsAMissingTaskFolderAsEmpty(@TempDir Path dir) {
        try (TaskRegistry registry = TaskRegistry.load(dir.resolve("absent"), List.of(), EnabledTasks.ALL)) {
            assertNull(registry.get("shout"));
            assertEquals(Map.of(), registry.jarTasks());
            assertTrue(Files.notExists(dir.resolve("absent")));
        }
    }
}
