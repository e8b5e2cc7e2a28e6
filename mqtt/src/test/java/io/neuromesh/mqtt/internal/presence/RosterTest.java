package io.neuromesh.mqtt.internal.presence;

import io.neuromesh.mqtt.presence.GoneReason;
import io.neuromesh.mqtt.presence.ManualClock;
import io.neuromesh.mqtt.presence.PresenceCodec;
import io.neuromesh.mqtt.presence.PresenceEvent;
import io.neuromesh.mqtt.presence.PresenceEvent.Forgotten;
import io.neuromesh.mqtt.presence.PresenceEvent.Heard;
import io.neuromesh.mqtt.presence.PresenceEvent.Joined;
import io.neuromesh.mqtt.presence.PresenceEvent.Left;
import io.neuromesh.mqtt.presence.TextStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static io.neuromesh.mqtt.presence.TextStatus.bytes;
import static io.neuromesh.mqtt.presence.TextStatus.offline;
import static io.neuromesh.mqtt.presence.TextStatus.online;
import static io.neuromesh.mqtt.presence.TextStatus.will;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RosterTest {

    private static final Duration OFFLINE_AFTER = Duration.ofSeconds(3);
    private static final Duration WILL_HOLD = Duration.ofMillis(250);

    private final ManualClock clock = new ManualClock();
    private final Roster<TextStatus> roster = new Roster<>(TextStatus.CODEC, OFFLINE_AFTER, "me", clock, WILL_HOLD);

    private List<PresenceEvent<TextStatus>> hear(TextStatus status) {
        return roster.received(status.peer(), bytes(status), false);
    }

    @Test
    void aStatusIsReadWithTheOneHeldOfItsPeerSoThatACompactHeartbeatMergesIntoIt() {
        // "beat" stands for a compact heartbeat: it says only "as before", which the codec resolves with what is held.
        PresenceCodec<String> merging = new PresenceCodec<>() {
            @Override
            public byte[] encode(String status) {
                return status.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public String decode(String peer, byte[] payload) {
                return decode(peer, payload, null);
            }

            @Override
            public String decode(String peer, byte[] payload, String held) {
                String text = new String(payload, StandardCharsets.UTF_8);
                return text.equals("beat") ? held + "+" : text;
            }

            @Override
            public boolean online(String status) {
                return true;
            }
        };
        Roster<String> merged = new Roster<>(merging, OFFLINE_AFTER, "me", clock, WILL_HOLD);
        merged.received("a", utf8("full"), true);
        merged.received("a", utf8("beat"), false);
        merged.received("a", utf8("beat"), false);
        merged.received("b", utf8("beat"), false);
        assertEquals(Map.of("a", "full++", "b", "null+"), merged.online());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPeerThatSaysOnlineJoins() {
        assertEquals(List.of(new Heard<>("a", online("a")), new Joined<>("a", online("a"))), hear(online("a")));
        assertEquals(List.of(new Heard<>("a", online("a"))), hear(online("a")), "a heartbeat is no news");
        assertEquals(Set.of("a"), roster.online().keySet());
    }

    @Test
    void aPeerThatMissesItsHeartbeatsLeavesAsSilentAndJoinsAgainWhenHeard() {
        hear(online("a"));
        clock.advance(OFFLINE_AFTER);
        assertEquals(List.of(), roster.check(), "exactly offlineAfter of silence is still allowed");

        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of(new Left<>("a", online("a"), GoneReason.SILENT)), roster.check());
        assertEquals(List.of(), roster.check(), "gone once");
        assertTrue(roster.online().isEmpty());

        assertEquals(List.of(new Heard<>("a", online("a")), new Joined<>("a", online("a"))), hear(online("a")));
    }

    @Test
    void aPeerThatSaysOfflineLeavesAtOnce() {
        hear(online("a"));
        assertEquals(List.of(new Heard<>("a", offline("a")), new Left<>("a", offline("a"), GoneReason.SAID_OFFLINE)),
                hear(offline("a")));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(), roster.check());
    }

    @Test
    void anOfflineStatusOfAPeerNeverSeenIsOnlyHeard() {
        assertEquals(List.of(new Heard<>("a", offline("a"))), hear(offline("a")));
        assertTrue(roster.online().isEmpty());
    }

    @Test
    void anUnreadableStatusIsIgnoredAndCounted() {
        hear(online("a"));
        assertEquals(List.of(), roster.received("a", "a sleeping".getBytes(StandardCharsets.UTF_8), false));
        assertEquals(List.of(), roster.received("a", bytes(online("b")), false), "a status naming another peer");
        assertEquals(2, roster.malformed());
        assertEquals(Set.of("a"), roster.online().keySet(), "the last good state is kept");

        clock.advance(OFFLINE_AFTER.plusMillis(1));
        assertEquals(List.of(new Left<>("a", online("a"), GoneReason.SILENT)), roster.check(),
                "unreadable statuses do not count as heard");
    }

    @Test
    void aClearedStatusForgetsThePeer() {
        hear(online("a"));
        assertEquals(List.of(new Left<>("a", online("a"), GoneReason.CLEARED), new Forgotten<>("a")),
                roster.received("a", new byte[0], true));
        assertEquals(List.of(), roster.received("b", new byte[0], true), "an unknown peer is not news");
    }

    @Test
    void itsOwnStatusIsHeardButNeverCounted() {
        assertEquals(List.of(new Heard<>("me", online("me"))), hear(online("me")));
        assertTrue(roster.online().isEmpty());
    }

    @Test
    void aStatusMaySayHowLongItsSenderMayStaySilent() {
        TextStatus slow = new TextStatus("a", true, null, Duration.ofSeconds(10));
        hear(slow);
        clock.advance(Duration.ofSeconds(10));
        assertEquals(List.of(), roster.check());
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of(new Left<>("a", slow, GoneReason.SILENT)), roster.check());
    }

    @Test
    void aStaleRetainedStatusDoesNotMakeADeadPeerLookAlive() {
        Instant fiveSecondsAgo = clock.instant().minusSeconds(5);
        TextStatus stale = new TextStatus("a", true, fiveSecondsAgo, null);
        assertEquals(List.of(new Heard<>("a", stale)), roster.received("a", bytes(stale), true));

        TextStatus recent = new TextStatus("b", true, clock.instant().minusSeconds(1), null);
        roster.received("b", bytes(recent), true);
        assertEquals(Set.of("b"), roster.online().keySet());
        clock.advance(Duration.ofMillis(2_001));
        assertEquals(List.of(new Left<>("b", recent, GoneReason.SILENT)), roster.check(), "aged by its time stamp");
    }

    @Test
    void aRetainedStatusReplayedAfterAReconnectDoesNotMakeThePeerOlder() {
        hear(online("a"));
        clock.advance(Duration.ofSeconds(2));
        TextStatus replay = new TextStatus("a", true, clock.instant().minusSeconds(60), null);
        roster.received("a", bytes(replay), true);
        clock.advance(Duration.ofMillis(999));
        assertEquals(List.of(), roster.check(), "still heard 2 s ago, not 60 s ago");
    }

    @Test
    void timeForgivenDoesNotCountAsSilence() {
        hear(online("a"));
        clock.advance(Duration.ofSeconds(10));
        roster.forgive(Duration.ofSeconds(8));
        assertEquals(List.of(), roster.check(), "2 s of silence that counts");
        clock.advance(Duration.ofMillis(1_001));
        assertEquals(1, roster.check().size());
    }

    @Test
    void aFilterMustNameThePeerWithOnePlusLevel() {
        assertEquals("w1", PeerTopics.of("neuromesh/workers/+/status").peerOf("neuromesh/workers/w1/status"));
        assertEquals(null, PeerTopics.of("neuromesh/workers/+/status").peerOf("neuromesh/workers/w1/other"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PeerTopics.of("neuromesh/+/+/status"));
        assertEquals("filter: must have exactly one '+' level naming the peer and no '#' or $share, e.g."
                + " neuromesh/workers/+/status; got 'neuromesh/+/+/status'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PeerTopics.of("neuromesh/+/#"));
    }

    // ---- Last Wills are held before they count: a stopping broker publishes every client's Will ----------------

    private List<PresenceEvent<TextStatus>> willCounts(String peer) {
        return List.of(new Heard<>(peer, will(peer)), new Left<>(peer, will(peer), GoneReason.SAID_OFFLINE));
    }

    @Test
    void whileConnectedAWillCountsAfterTheHold() {
        hear(online("a"));
        assertEquals(List.of(), hear(will("a")), "not yet");
        assertEquals(OptionalLong.of(clock.nanoTime() + WILL_HOLD.toNanos()), roster.nextWillDue());
        clock.advance(WILL_HOLD.minusMillis(1));
        assertEquals(List.of(), roster.check());
        assertEquals(Set.of("a"), roster.online().keySet());

        clock.advance(Duration.ofMillis(1));
        assertEquals(willCounts("a"), roster.check());
        assertTrue(roster.online().isEmpty());
        assertEquals(OptionalLong.empty(), roster.nextWillDue());
    }

    @Test
    void aPeerThatSpeaksAgainBeforeItsWillCountsNeverLeaves() {
        hear(online("a"));
        hear(will("a"));
        assertEquals(List.of(new Heard<>("a", online("a"))), hear(online("a")));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), roster.check());
        assertEquals(Set.of("a"), roster.online().keySet());
    }

    @Test
    void aWillJustBeforeThisLinkDropsWaitsUntilThePeerHadItsAllowanceAfterTheReconnect() {
        hear(online("a"));
        hear(online("b"));
        hear(will("a"));
        hear(will("b"));
        clock.advance(Duration.ofMillis(10));
        roster.linkLost();
        assertEquals(OptionalLong.empty(), roster.nextWillDue(), "nothing counts while this link is down");
        clock.advance(Duration.ofSeconds(5));
        // The watcher forgives what it could not hear: here since the peers were last heard.
        roster.forgive(Duration.ofMillis(5_010));
        assertEquals(List.of(), roster.check());

        roster.linkBack();
        assertEquals(List.of(new Heard<>("b", online("b"))), hear(online("b")), "b is back: its Will is dropped");
        clock.advance(OFFLINE_AFTER.minusMillis(1));
        assertEquals(List.of(), roster.check());
        assertEquals(Set.of("a", "b"), roster.online().keySet());

        clock.advance(Duration.ofMillis(1));
        assertEquals(willCounts("a"), roster.check(), "a did not come back within its allowance");
        assertEquals(Set.of("b"), roster.online().keySet());
    }

    @Test
    void aWillReplayedRightAfterTheReconnectIsHeldForThePeersAllowance() {
        hear(online("a"));
        roster.linkLost();
        clock.advance(Duration.ofMillis(500));
        roster.forgive(Duration.ofMillis(500));
        roster.linkBack();
        clock.advance(Duration.ofMillis(100));
        assertEquals(List.of(), roster.received("a", bytes(will("a")), true));
        assertEquals(OptionalLong.of(clock.nanoTime() - Duration.ofMillis(100).toNanos() + OFFLINE_AFTER.toNanos()),
                roster.nextWillDue());

        clock.advance(OFFLINE_AFTER);
        List<PresenceEvent<TextStatus>> events = roster.check();
        assertTrue(events.contains(new Left<>("a", will("a"), GoneReason.SAID_OFFLINE)), events.toString());
    }

    @Test
    void longAfterAReconnectAWillWaitsOnlyTheHold() {
        roster.linkLost();
        roster.linkBack();
        clock.advance(OFFLINE_AFTER);
        hear(online("a"));
        hear(will("a"));
        assertEquals(OptionalLong.of(clock.nanoTime() + WILL_HOLD.toNanos()), roster.nextWillDue());
    }

    @Test
    void theWillOfAPeerNotCountedOnlineIsHeardAtOnce() {
        assertEquals(List.of(new Heard<>("a", will("a"))), hear(will("a")));
        assertEquals(OptionalLong.empty(), roster.nextWillDue());
    }

    @Test
    void aClearedStatusDropsAHeldWill() {
        hear(online("a"));
        hear(will("a"));
        assertEquals(List.of(new Left<>("a", online("a"), GoneReason.CLEARED), new Forgotten<>("a")),
                roster.received("a", new byte[0], true));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), roster.check());
    }

    @Test
    void aHoldOfZeroCountsAWillAtTheNextCheck() {
        Roster<TextStatus> immediate = new Roster<>(TextStatus.CODEC, OFFLINE_AFTER, "me", clock, Duration.ZERO);
        immediate.received("a", bytes(online("a")), false);
        assertEquals(List.of(), immediate.received("a", bytes(will("a")), false));
        assertEquals(willCounts("a"), immediate.check());
    }
}
