package io.neuromesh.flows.internal.wire;

import com.google.gson.JsonParser;
import io.neuromesh.flows.ErrorKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskEnvelopesTest {

    private static final Duration DEFAULT = Duration.ofSeconds(60);

    @Test
    void roundTripsSeveralTasksInOrder() {
        TaskMessage a = new TaskMessage("c-1", "echo", JsonParser.parseString("{\"x\":[1,2]}"), Duration.ofMillis(1500), 2);
        TaskMessage b = new TaskMessage("c-2", "noop", null, Duration.ofSeconds(3), 0);

        TaskEnvelopes.Decoded decoded = TaskEnvelopes.decode(TaskEnvelopes.encode(List.of(a.toJson(), b.toJson())), DEFAULT);

        assertEquals(List.of(a, b), decoded.tasks());
        assertTrue(decoded.rejected().isEmpty());
        assertNull(decoded.error());
    }

    @Test
    void knowsTheSizeOfAnEnvelopeBeforeBuildingIt() {
        List<String> lines = List.of("{\"id\":\"1\"}", "{\"id\":\"22\"}");
        long linesBytes = lines.stream().mapToLong(String::length).sum();

        assertEquals(TaskEnvelopes.encode(lines).length(), TaskEnvelopes.envelopeBytes(2, linesBytes));
    }

    @Test
    void acceptsOneBareTaskWithTheWorkersDefaultTimeout() {
        TaskEnvelopes.Decoded decoded = TaskEnvelopes.decode("{\"id\":\"1\",\"task\":\"echo\",\"args\":\"hi\"}", DEFAULT);

        assertEquals(List.of(new TaskMessage("1", "echo", JsonParser.parseString("\"hi\""), DEFAULT, 0)),
                decoded.tasks());
    }

    @Test
    void saysWhyTextIsNotATaskMessage() {
        assertTrue(TaskEnvelopes.decode("{not json", DEFAULT).error().startsWith("not JSON: "));
        assertEquals("a task message must be a JSON object, got an array", TaskEnvelopes.decode("[1]", DEFAULT).error());
        assertEquals("v: unsupported version 2 (this worker speaks 1)",
                TaskEnvelopes.decode("{\"v\":2,\"tasks\":[]}", DEFAULT).error());
        assertEquals("tasks: must be an array, got \"x\"", TaskEnvelopes.decode("{\"v\":1,\"tasks\":\"x\"}", DEFAULT).error());
        assertEquals("expected {\"v\":1,\"tasks\":[...]} or one task object with \"id\" and \"task\"",
                TaskEnvelopes.decode("{\"v\":1}", DEFAULT).error());
    }

    @Test
    void reportsEntriesWithoutIdOnTheMessageAndRunsTheRest() {
        TaskEnvelopes.Decoded decoded = TaskEnvelopes.decode(
                "{\"v\":1,\"tasks\":[{\"task\":\"echo\"},7,{\"id\":\"ok\",\"task\":\"noop\"}]}", DEFAULT);

        assertEquals("tasks[0].id: must be a string of 1-128 characters, got null; tasks[1]: must be an object, got 7",
                decoded.error());
        assertEquals(List.of("ok"), decoded.tasks().stream().map(TaskMessage::id).toList());
    }

    @Test
    void rejectsInvalidFieldsUnderTheTaskId() {
        TaskEnvelopes.Decoded decoded = TaskEnvelopes.decode("{\"v\":1,\"tasks\":["
                + "{\"id\":\"a\",\"task\":\"echo\",\"timeoutMs\":-5},"
                + "{\"id\":\"b\",\"task\":\"echo\",\"retries\":1.5},"
                + "{\"id\":\"c\",\"task\":\"bad name\"},"
                + "{\"id\":\"d\",\"task\":42}]}", DEFAULT);

        assertEquals(List.of(
                new TaskEnvelopes.Rejected("a", ErrorKind.MALFORMED, "timeoutMs: must be a positive number of milliseconds, got -5"),
                new TaskEnvelopes.Rejected("b", ErrorKind.MALFORMED, "retries: must be 0-100, got 1.5"),
                new TaskEnvelopes.Rejected("c", ErrorKind.MALFORMED,
                        "task: must be 1-128 characters of A-Z a-z 0-9 _ . -, got 'bad name'"),
                new TaskEnvelopes.Rejected("d", ErrorKind.MALFORMED, "task: must be a string, got 42")),
                decoded.rejected());
        assertTrue(decoded.tasks().isEmpty());
    }

    @Test
    void taskMessagesValidateTheirFields() {
        IllegalArgumentException timeout = assertThrows(IllegalArgumentException.class,
                () -> new TaskMessage("1", "echo", null, Duration.ZERO, 0));
        assertEquals("timeoutMs: must be a positive number of milliseconds, got 0", timeout.getMessage());
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
                () -> new TaskMessage("", "echo", null, DEFAULT, 0));
        assertEquals("id: must be 1-128 characters, got ''", id.getMessage());
        IllegalArgumentException retries = assertThrows(IllegalArgumentException.class,
                () -> new TaskMessage("1", "echo", null, DEFAULT, 101));
        assertEquals("retries: must be 0-100, got 101", retries.getMessage());
    }
}
