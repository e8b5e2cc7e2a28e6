package io.neuromesh.mqtt.internal.presence;

import io.neuromesh.mqtt.presence.GoneReason;
import io.neuromesh.mqtt.presence.ManualClock;
import io.neuromesh.mqtt.presence.PresenceEvent;
import io.neuromesh.mqtt.presence.PresenceEvent.Heard;
import io.neuromesh.mqtt.presence.PresenceEvent.Left;
import io.neuromesh.mqtt.presence.TextStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.neuromesh.mqtt.presence.TextStatus.beating;
import static io.neuromesh.mqtt.presence.TextStatus.bytes;
import static io.neuromesh.mqtt.presence.TextStatus.online;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A participant that hears its own heartbeats late does not take that lag for its peers' silence. */
class RosterEchoTest {

    private static final Duration OFFLINE_AFTER = Duration.ofSeconds(3);
    private static final Duration BEAT = Duration.ofSeconds(1);

    private final ManualClock clock = new ManualClock();
    private final Roster<TextStatus> roster = new Roster<>(TextStatus.CODEC, OFFLINE_AFTER, "me", clock,
            Duration.ofMillis(250));

    private List<PresenceEvent<TextStatus>> hear(TextStatus status) {
        return roster.received(status.peer(), bytes(status), false);
    }

    private void after(long millis) {
        clock.advance(Duration.ofMillis(millis));
    }

    @Test
    void whileItsOwnHeartbeatsAreLateItsPeersSilenceDoesNotCount() {
        hear(beating("me", BEAT));
        hear(online("a"));
        after(1_000);
        hear(beating("me", BEAT));
        // From here on, nothing comes back for 4.5 s: not its own heartbeats, not a's (a lagging broker).
        after(4_000);
        assertEquals(List.of(), roster.check(), "a silent for 5 s, but 'me' stopped hearing itself at 1 s (+2 beats)");
        after(500);
        assertEquals(List.of(new Heard<>("me", beating("me", BEAT))), hear(beating("me", BEAT)),
                "its own heartbeat comes back 4.5 s late");
        assertEquals(List.of(), roster.check(), "the lateness was forgiven to a, whose heartbeat is queued behind");
        after(100);
        assertEquals(List.of(new Heard<>("a", online("a"))), hear(online("a")));
        assertEquals(Set.of("a"), roster.online().keySet(), "a never left");
    }

    @Test
    void aSilentPeerLeavesOnTimeWhileItsOwnHeartbeatsComeBackOnTime() {
        hear(beating("me", BEAT));
        hear(online("a"));
        for (int second = 1; second <= 3; second++) {
            after(1_000);
            hear(beating("me", BEAT));
            assertEquals(List.of(), roster.check());
        }
        after(1);
        assertEquals(List.of(new Left<>("a", online("a"), GoneReason.SILENT)), roster.check());
    }

    @Test
    void aParticipantThatStopsHearingItselfStillCountsASilentPeerGoneAfterTwiceItsAllowance() {
        hear(beating("me", BEAT));
        hear(online("a"));
        after(6_000);
        assertEquals(List.of(), roster.check(), "silence counts from 2 s, or from 3 s before now at the latest");
        after(1);
        assertEquals(List.of(new Left<>("a", online("a"), GoneReason.SILENT)), roster.check());
        after(4_000);
        hear(beating("me", BEAT));
        assertEquals(List.of(), roster.check(), "a peer counted gone is not brought back by its own late heartbeat");
        assertEquals(Set.of(), roster.online().keySet());
    }

    @Test
    void onlyItsOwnLiveStatusesWithAnIntervalCount() {
        roster.received("me", bytes(beating("me", BEAT)), true);
        hear(online("me"));
        hear(online("a"));
        after(3_001);
        assertEquals(List.of(new Left<>("a", online("a"), GoneReason.SILENT)), roster.check(),
                "a retained status, or one without an interval, says nothing about the lag");
    }
}
