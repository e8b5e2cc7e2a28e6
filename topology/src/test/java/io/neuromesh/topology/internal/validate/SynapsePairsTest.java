package io.neuromesh.topology.internal.validate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SynapsePairsTest {

    @Test
    void aPairSeenBeforeGivesTheIndexOfItsFirstSynapseAndIsNotRecordedAgain() {
        SynapsePairs pairs = new SynapsePairs(4);
        assertEquals(-1, pairs.add(0, "a", "b"));
        assertEquals(-1, pairs.add(1, "b", "a"));
        assertEquals(0, pairs.add(2, "a", "b"));
        assertEquals(0, pairs.add(3, new String("a"), new String("b")), "equal ids, other instances");
        assertEquals(-1, pairs.add(4, "a", "c"));
        assertEquals(4, pairs.add(5, "a", "c"));
    }

    @Test
    void pairsWhoseIdsHashAlikeStayApart() {
        // "Aa" and "BB" have the same String hash code.
        SynapsePairs pairs = new SynapsePairs(1);
        assertEquals(-1, pairs.add(0, "Aa", "BB"));
        assertEquals(-1, pairs.add(1, "BB", "Aa"));
        assertEquals(-1, pairs.add(2, "Aa", "Aa"));
        assertEquals(-1, pairs.add(3, "BB", "BB"));
        assertEquals(2, pairs.add(4, "Aa", "Aa"));
        assertEquals(1, pairs.add(5, "BB", "Aa"));
    }

    @Test
    void everyPairIsFoundAfterTheTableGrowsFarBeyondItsExpectedSize() {
        SynapsePairs pairs = new SynapsePairs(2);
        int n = 5_000;
        for (int i = 0; i < n; i++) {
            assertEquals(-1, pairs.add(i, "n" + i, "n" + (i * 7 % n)));
        }
        for (int i = 0; i < n; i++) {
            assertEquals(i, pairs.add(n + i, "n" + i, "n" + (i * 7 % n)));
        }
    }
}
