package io.neuromesh.flows.internal.worker;

import io.neuromesh.flows.Task;
import io.neuromesh.flows.testing.TaskJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskRegistryTest {

    @Test
    void findsTheBuiltInsThroughTheServiceLoader() {
        try (TaskRegistry registry = TaskRegistry.load(null, List.of())) {
            assertEquals(Set.of("echo", "fail", "http.fetch", "noop", "sleep", "wordcount.count", "wordcount.merge"),
                    registry.names());
        }
    }

    @Test
    void letsTasksRegisteredInCodeReplaceABuiltIn() throws Exception {
        Task<String, String> echo = Task.of("echo", String.class, (text, context) -> "mine");
        try (TaskRegistry registry = TaskRegistry.load(null, List.of(echo))) {
            assertEquals("mine", registry.get("echo").run("x", null));
        }
    }

    @Test
    void loadsProvidersFromJarsInTheTaskFolder(@TempDir Path dir) throws Exception {
        TaskJars.shoutJar(dir);

        try (TaskRegistry registry = TaskRegistry.load(dir, List.of())) {
            assertTrue(registry.names().contains("shout"), registry.names().toString());
            assertEquals("HELLO!", registry.get("shout").run("hello", null));
            assertEquals(1, registry.names().stream().filter("echo"::equals).count());
        }
    }

    @Test
    void treatsAMissingTaskFolderAsEmpty(@TempDir Path dir) {
        try (TaskRegistry registry = TaskRegistry.load(dir.resolve("absent"), List.of())) {
            assertNull(registry.get("shout"));
            assertTrue(Files.notExists(dir.resolve("absent")));
        }
    }
}
