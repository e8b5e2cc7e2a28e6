package io.neuromesh.mqtt.internal.presence;

import io.neuromesh.mqtt.presence.GoneReason;
import io.neuromesh.mqtt.presence.ManualClock;
import io.neuromesh.mqtt.presence.PresenceEvent;
import io.neuromesh.mqtt.presence.PresenceEvent.Forgotten;
import io.neuromesh.mqtt.presence.PresenceEvent.Heard;
import io.neuromesh.mqtt.presence.PresenceEvent.Left;
import io.neuromesh.mqtt.presence.TextStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import static io.neuromesh.mqtt.presence.TextStatus.bytes;
import static io.neuromesh.mqtt.presence.TextStatus.online;
import static io.neuromesh.mqtt.presence.TextStatus.will;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A peer's Last Will is held before it counts: a stopping broker publishes every client's Will. */
class RosterWillTest {

    private static final Duration OFFLINE_AFTER = Duration.ofSeconds(3);
    private static final Duration WILL_HOLD = Duration.ofMillis(250);

    private final ManualClock clock = new ManualClock();
    private final Roster<TextStatus> roster = new Roster<>(TextStatus.CODEC, OFFLINE_AFTER, "me", clock, WILL_HOLD);

    private List<PresenceEvent<TextStatus>> hear(TextStatus status) {
        return roster.received(status.peer(), bytes(status), false);
    }

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
