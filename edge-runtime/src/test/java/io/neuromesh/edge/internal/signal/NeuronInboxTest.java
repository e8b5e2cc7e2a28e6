package io.neuromesh.edge.internal.signal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NeuronInboxTest {

    /** The brain thread, run by hand: the inboxes that asked to be drained, in order. */
    private final ArrayDeque<NeuronInbox> ready = new ArrayDeque<>();
    private final List<String> handled = new ArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicInteger waiting = new AtomicInteger();

    private NeuronInbox inbox(int capacity) {
        return new NeuronInbox("x", capacity, ready::add, dropped, waiting);
    }

    private void drainOnce() {
        ready.poll().drain((neuron, payload, receivedNanos) -> handled.add(neuron + ":" + new String(payload, StandardCharsets.UTF_8)));
    }

    private void runAll() {
        while (!ready.isEmpty()) {
            drainOnce();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void deliversInOrderWithOneScheduledDrain() {
        NeuronInbox inbox = inbox(10);
        inbox.offer(bytes("a"));
        inbox.offer(bytes("b"));
        inbox.offer(bytes("c"));
        assertEquals(1, ready.size(), "one drain task for a burst, not one per message");
        assertEquals(3, waiting.get());
        runAll();
        assertEquals(List.of("x:a", "x:b", "x:c"), handled);
        assertEquals(0, waiting.get());
    }

    @Test
    void whenFullTheOldestInputIsDroppedAndCounted() {
        NeuronInbox inbox = inbox(3);
        for (String s : new String[] {"1", "2", "3", "4", "5"}) {
            inbox.offer(bytes(s));
        }
        assertEquals(3, waiting.get(), "a dropped input no longer waits");
        runAll();
        assertEquals(List.of("x:3", "x:4", "x:5"), handled);
        assertEquals(2, dropped.get());
    }

    @Test
    void aPausedInboxCollectsAndDeliversAfterResume() {
        NeuronInbox inbox = inbox(10);
        inbox.pause();
        inbox.offer(bytes("early"));
        runAll();
        assertEquals(List.of(), handled);
        inbox.resume();
        runAll();
        assertEquals(List.of("x:early"), handled);
    }

    @Test
    void aFloodedInboxYieldsTheBrainThreadBetweenBatches() {
        NeuronInbox inbox = inbox(1000);
        for (int i = 0; i < 200; i++) {
            inbox.offer(bytes(Integer.toString(i)));
        }
        drainOnce();
        assertEquals(64, handled.size(), "one batch per turn");
        assertEquals(136, waiting.get());
        assertEquals(1, ready.size(), "the rest is rescheduled behind other work");
        runAll();
        assertEquals(200, handled.size());
    }

    @Test
    void aClosedInboxIgnoresLateMessages() {
        NeuronInbox inbox = inbox(10);
        inbox.offer(bytes("a"));
        inbox.close();
        inbox.offer(bytes("b"));
        runAll();
        assertEquals(List.of(), handled);
        assertEquals(0, waiting.get(), "what the closed inbox held no longer waits");
    }
}
