package io.neuromesh.mqtt.presence;

import io.neuromesh.mqtt.MqttLink;
import io.neuromesh.mqtt.Qos;
import io.neuromesh.mqtt.Subscription;
import io.neuromesh.mqtt.presence.PresenceEvent.Joined;
import io.neuromesh.mqtt.presence.PresenceEvent.Left;
import io.neuromesh.testkit.broker.BrokerKind;
import io.neuromesh.testkit.broker.TestBroker;
import io.neuromesh.testkit.broker.TestBrokers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Announcer and watcher together on both real brokers: joining, heartbeats, Last Will after a crash, goodbye. */
@Timeout(90)
class PresenceIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration HEARTBEAT = Duration.ofMillis(200);
    private static final Duration OFFLINE_AFTER = Duration.ofSeconds(1);
    private static final String FILTER = "fleet/+/status";

    private final List<AutoCloseable> closing = new ArrayList<>();
    private final List<PresenceEvent<TextStatus>> events = new CopyOnWriteArrayList<>();
    private final List<String> listenerThreads = new CopyOnWriteArrayList<>();
    private final ExecutorService listenerThread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("test-listener").factory());

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        listenerThread.shutdownNow();
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        closing.add(closeable);
        return closeable;
    }

    private static Announcement<TextStatus> announcement(String peer) {
        return Announcement.of("fleet/" + peer + "/status", TextStatus.CODEC, HEARTBEAT, TextStatus.offline(peer));
    }

    /** A started peer whose status is online while {@code alive} is true and skipped otherwise. */
    private MqttLink peer(TestBroker broker, String peer, AtomicBoolean alive) throws Exception {
        Announcement<TextStatus> a = announcement(peer);
        MqttLink link = closeLater(MqttLink.create(a.on(MqttLink.builder().broker(broker.uri()).clientId(peer)
                .keepAlive(Duration.ofSeconds(2)).config())));
        Announcer<TextStatus> announcer = closeLater(Announcer.create(link, a,
                () -> alive.get() ? TextStatus.online(peer) : null, () -> TextStatus.offline(peer)));
        link.start();
        announcer.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return link;
    }

    private PresenceWatcher<TextStatus> watcher(TestBroker broker, String id) throws Exception {
        MqttLink link = closeLater(MqttLink.builder().broker(broker.uri()).clientId(id).build());
        PresenceWatcher<TextStatus> watcher = closeLater(PresenceWatcher.builder(link, FILTER, TextStatus.CODEC)
                .offlineAfter(OFFLINE_AFTER).listener(listenerThread, event -> {
                    listenerThreads.add(Thread.currentThread().getName());
                    events.add(event);
                }).build());
        watcher.start();
        link.start();
        watcher.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return watcher;
    }

    private void awaitEvent(PresenceEvent<TextStatus> expected) {
        await().atMost(WAIT).until(() -> events.contains(expected));
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void peersJoinLeaveByLastWillGoodbyeAndSilence(BrokerKind kind) throws Exception {
        try (TestBroker broker = TestBrokers.of(kind)) {
            PresenceWatcher<TextStatus> watcher = watcher(broker, "watcher");
            AtomicBoolean alive = new AtomicBoolean(true);
            MqttLink crashing = peer(broker, "crashing", new AtomicBoolean(true));
            peer(broker, "hanging", alive);
            awaitEvent(new Joined<>("crashing", TextStatus.online("crashing")));
            awaitEvent(new Joined<>("hanging", TextStatus.online("hanging")));
            assertEquals(Set.of("crashing", "hanging"), watcher.online().keySet());

            crashing.abort();
            awaitEvent(new Left<>("crashing", TextStatus.offline("crashing"), GoneReason.SAID_OFFLINE));

            alive.set(false);
            awaitEvent(new Left<>("hanging", TextStatus.online("hanging"), GoneReason.SILENT));
            alive.set(true);
            await().atMost(WAIT).until(() -> events.stream().filter(e -> e instanceof Joined<?> j
                    && j.peer().equals("hanging")).count() == 2);

            // A clean stop says goodbye before the link disconnects.
            closing.get(closing.size() - 1).close();
            awaitEvent(new Left<>("hanging", TextStatus.offline("hanging"), GoneReason.SAID_OFFLINE));
            assertEquals(Set.of(), watcher.online().keySet());
            assertTrue(listenerThreads.stream().allMatch("test-listener"::equals), "listener on the given executor");
        }
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void aWatcherStartedLaterLearnsThePeersFromTheirRetainedStatusAndCountsBadOnes(BrokerKind kind)
            throws Exception {
        try (TestBroker broker = TestBrokers.of(kind)) {
            peer(broker, "early", new AtomicBoolean(true));
            MqttLink vandal = closeLater(MqttLink.builder().broker(broker.uri()).clientId("vandal").build());
            vandal.start();
            vandal.publish("fleet/bad/status", "bad sleeping".getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE,
                    true);

            PresenceWatcher<TextStatus> watcher = watcher(broker, "late-watcher");
            awaitEvent(new Joined<>("early", TextStatus.online("early")));
            await().atMost(WAIT).until(() -> watcher.malformed() >= 1);
            assertEquals(Set.of("early"), watcher.online().keySet());
            vandal.publish("fleet/bad/status", new byte[0], Qos.AT_LEAST_ONCE, true);
        }
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void aChangeAskedForJustBeforeCloseStillGoesOutBeforeTheGoodbye(BrokerKind kind) throws Exception {
        try (TestBroker broker = TestBrokers.of(kind)) {
            watcher(broker, "watcher");
            Announcement<TextStatus> a = announcement("stopping");
            MqttLink link = closeLater(MqttLink.create(a.on(MqttLink.builder().broker(broker.uri())
                    .clientId("stopping").config())));
            TextStatus leaving = new TextStatus("stopping", true, null, Duration.ofSeconds(7));
            AtomicReference<TextStatus> current = new AtomicReference<>(TextStatus.online("stopping"));
            AtomicBoolean holdNext = new AtomicBoolean();
            CountDownLatch held = new CountDownLatch(1);
            Announcer<TextStatus> announcer = closeLater(Announcer.create(link, a, () -> {
                TextStatus status = current.get();
                if (holdNext.getAndSet(false)) {
                    held.countDown();
                    // Keeps the announcer's thread busy, so that the next change waits in its queue during close().
                    LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
                }
                return status;
            }, () -> TextStatus.offline("stopping")));
            link.start();
            announcer.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            awaitEvent(new Joined<>("stopping", TextStatus.online("stopping")));

            holdNext.set(true);
            announcer.publishNow();
            assertTrue(held.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            current.set(leaving);
            announcer.publishNow();
            announcer.close();

            PresenceEvent<TextStatus> goodbye = new Left<>("stopping", TextStatus.offline("stopping"),
                    GoneReason.SAID_OFFLINE);
            awaitEvent(goodbye);
            int change = events.indexOf(new PresenceEvent.Heard<>("stopping", leaving));
            assertTrue(change >= 0 && change < events.indexOf(goodbye), "the change, then the goodbye: " + events);
        }
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void whatIsPublishedAfterAStatusReachesSubscribersAfterIt(BrokerKind kind) throws Exception {
        try (TestBroker broker = TestBrokers.of(kind)) {
            List<String> seen = new CopyOnWriteArrayList<>();
            MqttLink reader = closeLater(MqttLink.builder().broker(broker.uri()).clientId("reader").build());
            reader.start();
            reader.subscribe(Subscription.of("fleet/slow/#"), m -> seen.add(m.topic() + " "
                    + new String(m.payload(), StandardCharsets.UTF_8)));
            Announcement<TextStatus> a = announcement("slow");
            MqttLink link = closeLater(MqttLink.create(a.on(MqttLink.builder().broker(broker.uri())
                    .clientId("slow").config())));
            AtomicReference<TextStatus> current = new AtomicReference<>(TextStatus.online("slow"));
            Announcer<TextStatus> announcer = closeLater(Announcer.create(link, a, () -> {
                // A busy announcer (a large status on a loaded machine): the status is handed over late.
                LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
                return current.get();
            }, () -> TextStatus.offline("slow")));
            link.start();
            announcer.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);

            TextStatus changed = new TextStatus("slow", true, null, Duration.ofSeconds(9));
            current.set(changed);
            announcer.publishNow();
            announcer.afterPublished(() -> link.publish("fleet/slow/result", "done".getBytes(StandardCharsets.UTF_8),
                    Qos.AT_LEAST_ONCE, false));
            String status = "fleet/slow/status " + new String(TextStatus.CODEC.encode(changed), StandardCharsets.UTF_8);
            await().atMost(WAIT).until(() -> seen.contains("fleet/slow/result done"));
            assertTrue(seen.indexOf(status) >= 0 && seen.indexOf(status) < seen.indexOf("fleet/slow/result done"),
                    "the status, then the result: " + seen);
        }
    }

    @Test
    void anAnnouncerRefusesALinkWithoutItsLastWill() {
        MqttLink link = closeLater(MqttLink.builder().broker("tcp://127.0.0.1:1").clientId("no-will").build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Announcer.create(link,
                announcement("a"), () -> TextStatus.online("a"), () -> TextStatus.offline("a")));
        assertEquals("link no-will: its Last Will must be the retained status of the announcement on"
                + " fleet/a/status; create the link from announcement.on(config)", e.getMessage());
    }
}
