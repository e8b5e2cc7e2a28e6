package io.neuromesh.topology.internal.validate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Ids are given as symbols give them, one String per id (literals here, an array of them below). */
class SynapsePairsTest {

    @Test
    void aPairSeenBeforeGivesTheIndexOfItsFirstSynapseAndIsNotRecordedAgain() {
        SynapsePairs pairs = new SynapsePairs(4);
        assertEquals(-1, pairs.add(0, "a", "b"));
        assertEquals(-1, pairs.add(1, "b", "a"));
        assertEquals(0, pairs.add(2, "a", "b"));
        assertEquals(-1, pairs.add(3, "a", "c"));
        assertEquals(3, pairs.add(4, "a", "c"));
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
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "n" + i;
        }
        for (int i = 0; i < n; i++) {
            assertEquals(-1, pairs.add(i, ids[i], ids[i * 7 % n]));
        }
        for (int i = 0; i < n; i++) {
            assertEquals(i, pairs.add(n + i, ids[i], ids[i * 7 % n]));
        }
    }
}
