package io.neuromesh.flows.internal.wire;

import com.google.gson.JsonParser;
import io.neuromesh.flows.ErrorKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResultEnvelopesTest {

    @Test
    void roundTripsValuesAndErrorsWithMicrosecondRunTimes() {
        ResultMessage ok = ResultMessage.success("c-1", JsonParser.parseString("{\"n\":4}"), 1, Duration.ofNanos(1_234_567));
        ResultMessage error = ResultMessage.failure("c-2", ErrorKind.TIMEOUT, "timeout after 200 ms", 2,
                Duration.ofMillis(400));

        ResultEnvelopes.Decoded decoded = ResultEnvelopes.decode(
                ResultEnvelopes.encode("w1", List.of(ok.toJson(), error.toJson())));

        assertEquals("w1", decoded.worker());
        assertEquals(List.of(ResultMessage.success("c-1", JsonParser.parseString("{\"n\":4}"), 1,
                Duration.ofNanos(1_235_000)), error), decoded.results());
        assertNull(decoded.error());
    }

    @Test
    void carriesMessageLevelErrors() {
        ResultEnvelopes.Decoded decoded = ResultEnvelopes.decode(
                ResultEnvelopes.encodeError("w1", ErrorKind.TOO_LARGE, "too big"));

        assertEquals(ErrorKind.TOO_LARGE, decoded.kind());
        assertEquals("too big", decoded.error());
        assertEquals(List.of(), decoded.results());
    }

    @Test
    void readsUnknownErrorKindsAsFailed() {
        ResultEnvelopes.Decoded decoded = ResultEnvelopes.decode(
                "{\"v\":1,\"worker\":\"w1\",\"results\":[{\"id\":\"1\",\"ok\":false,\"kind\":\"newer\",\"error\":\"x\"}]}");

        assertEquals(ErrorKind.FAILED, decoded.results().get(0).kind());
    }

    @Test
    void refusesMessagesThatAreNotResults() {
        assertEquals("worker: must be a worker name, got null",
                assertThrows(IllegalArgumentException.class, () -> ResultEnvelopes.decode("{\"results\":[]}")).getMessage());
        assertEquals("a result needs a string \"id\" and a boolean \"ok\", got {\"id\":\"1\"}",
                assertThrows(IllegalArgumentException.class,
                        () -> ResultEnvelopes.decode("{\"worker\":\"w\",\"results\":[{\"id\":\"1\"}]}")).getMessage());
    }

    @Test
    void resultMessagesNeedAnErrorExactlyWhenNotOk() {
        assertEquals("kind and error: must be set exactly when ok is false", assertThrows(IllegalArgumentException.class,
                () -> new ResultMessage("1", false, null, null, null, 0, Duration.ZERO)).getMessage());
    }
}
