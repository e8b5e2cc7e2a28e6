package io.neuromesh.topology;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A document's rev and content hash, the hash possibly still computing. */
class TopologyVersionTest {

    private static final Executor NEVER = task -> {
    };

    private static Topology topology(long rev, double threshold) {
        return Topology.parse(("{\"rev\":" + rev + ",\"neurons\":[{\"id\":\"a\",\"threshold\":" + threshold + "}]}")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aParsedDocumentsVersionCarriesItsContentHash() {
        Topology t = topology(3, 0.5);
        TopologyVersion hashed = TopologyVersion.hashing(t, Runnable::run);

        assertEquals(3, hashed.rev());
        assertEquals(t.contentHash(), hashed.hash());
        assertEquals(new TopologyVersion(3, t.contentHash()), hashed);
        assertEquals("rev 3 (hash " + t.shortHash() + ")", hashed.toString());
        assertNotEquals(TopologyVersion.hashing(topology(3, 0.7), Runnable::run), hashed, "same rev, other content");
    }

    @Test
    void versionsOfOtherRevsDifferWithoutWaitingForAHash() {
        // This executor never runs the hash: any wait for it would hang the test.
        TopologyVersion pending = TopologyVersion.hashing(topology(2, 0.5), NEVER);

        assertNotEquals(new TopologyVersion(1, "h1"), pending);
        assertFalse(pending.equals(TopologyVersion.hashing(topology(3, 0.5), NEVER)));
        assertTrue(pending.equals(pending), "the same version is equal to itself");
        assertEquals(Long.hashCode(2), pending.hashCode());
        assertEquals(2, pending.rev());
    }

    @Test
    void aVersionSupersedesOlderRevsWithoutWaitingAndItsOwnDocumentOnly() {
        TopologyVersion pending = TopologyVersion.hashing(topology(2, 0.5), NEVER);
        TopologyVersion two = TopologyVersion.of(topology(2, 0.5));

        assertTrue(pending.supersedes(new TopologyVersion(1, "h1")), "a newer rev, decided without the hash");
        assertFalse(new TopologyVersion(1, "h1").supersedes(pending), "an older rev never");
        assertTrue(two.supersedes(TopologyVersion.of(topology(2, 0.5))), "the same document again (a re-publish)");
        assertFalse(two.supersedes(TopologyVersion.of(topology(2, 0.7))), "the same rev with other content");
    }

    @Test
    void aDeferredVersionIsHashedWhenItsTimeComesOrAtOnceWhenItsHashIsNeeded() {
        Topology topology = topology(2, 0.5);
        List<Runnable> later = new ArrayList<>();
        TopologyVersion waiting = TopologyVersion.deferred(topology, later::add);
        assertFalse(waiting.hashed(), "not before its time");
        assertTrue(waiting.supersedes(new TopologyVersion(1, "h1")), "a newer rev, decided without the hash");
        assertFalse(waiting.hashed());
        later.getFirst().run();
        assertTrue(waiting.hashed(), "its time came");
        assertEquals(topology.contentHash(), waiting.hash());

        TopologyVersion asked = TopologyVersion.deferred(topology(2, 0.5), NEVER);
        assertTrue(asked.supersedes(waiting), "the same document again: both hashes compared, this one computed now");
        assertEquals(topology.contentHash(), asked.hash());
        assertFalse(TopologyVersion.deferred(topology(2, 0.7), NEVER).supersedes(asked), "same rev, other content");
    }

    @Test
    void aVersionNeedsARevOfAtLeastOneAndAHash() {
        IllegalArgumentException rev = assertThrows(IllegalArgumentException.class, () -> new TopologyVersion(0, "h"));
        assertEquals("rev: must be >= 1, got 0", rev.getMessage());
        assertThrows(NullPointerException.class, () -> new TopologyVersion(1, null));
    }
}
