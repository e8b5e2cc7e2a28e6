package io.neuromesh.edge.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AppliedHistoryCodecTest {

    private static final Instant TS = Instant.ofEpochMilli(1_767_225_600_000L);

    private static AppliedHistory.Revision revision(long rev) {
        return new AppliedHistory.Revision(rev, "hash" + rev, rev == 4 ? "xor" : "", TS.plusSeconds(rev),
                List.of("n1", "n2"));
    }

    @Test
    void writesTheDocumentedShapeAndReadsItBack() throws Exception {
        AppliedHistory history = AppliedHistory.EMPTY.with(revision(3)).with(revision(4));
        String json = new String(AppliedHistoryCodec.encode(history), StandardCharsets.UTF_8);
        assertEquals("{\"v\":1,\"revisions\":[{\"rev\":4,\"hash\":\"hash4\",\"name\":\"xor\",\"appliedAt\":1767225604000,"
                + "\"nodes\":[\"n1\",\"n2\"]},{\"rev\":3,\"hash\":\"hash3\",\"name\":\"\",\"appliedAt\":1767225603000,"
                + "\"nodes\":[\"n1\",\"n2\"]}]}", json);
        assertEquals(history, AppliedHistoryCodec.decode(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(4, history.newest().orElseThrow().rev());
        assertEquals("hash3", history.find(3).orElseThrow().hash());
    }

    @Test
    void keepsTheNewestRevisionsOnlyAndReplacesARecordedRev() {
        AppliedHistory history = AppliedHistory.EMPTY;
        for (long rev = 1; rev <= AppliedHistory.MAX_REVISIONS + 5; rev++) {
            history = history.with(revision(rev));
        }
        assertEquals(AppliedHistory.MAX_REVISIONS, history.revisions().size());
        assertEquals(6, history.revisions().get(AppliedHistory.MAX_REVISIONS - 1).rev());
        AppliedHistory.Revision again = new AppliedHistory.Revision(55, "other", "", TS, List.of("n1"));
        assertEquals("other", history.with(again).newest().orElseThrow().hash());
        assertEquals(AppliedHistory.MAX_REVISIONS, history.with(again).revisions().size());
    }

    @Test
    void refusesAnOlderRevisionAndAnUnorderedList() {
        AppliedHistory history = AppliedHistory.EMPTY.with(revision(4));
        assertEquals("rev 3 is older than the newest applied rev 4",
                assertThrows(IllegalArgumentException.class, () -> history.with(revision(3))).getMessage());
        List<AppliedHistory.Revision> unordered = new ArrayList<>(List.of(revision(3), revision(4)));
        assertEquals("revisions[1].rev: must be lower than the one before (3), got 4; the newest comes first",
                assertThrows(IllegalArgumentException.class, () -> new AppliedHistory(unordered)).getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"v\":2,\"revisions\":[]}|topology history: v: version 2 is newer than this node reads (1); upgrade this node",
            "{\"v\":1}|topology history: revisions: missing",
            "{\"revisions\":[{\"rev\":0,\"hash\":\"h\",\"name\":\"\",\"appliedAt\":1,\"nodes\":[]}]}|topology history: revisions[0].rev: must be a whole number >= 1, got 0",
            "{\"revisions\":[{\"rev\":1,\"hash\":\"\",\"name\":\"\",\"appliedAt\":1,\"nodes\":[]}]}|topology history: revisions[0].hash: must not be empty",
    })
    void rejectsAnInvalidHistoryWithAReason(String text, String reason) {
        assertEquals(reason, assertThrows(WireFormatException.class,
                () -> AppliedHistoryCodec.decode(text.getBytes(StandardCharsets.UTF_8))).getMessage());
    }
}
