package io.neuromesh.mqtt.internal;

import io.neuromesh.mqtt.OutboundMessage;
import io.neuromesh.mqtt.Qos;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflineBufferTest {

    private static OutboundMessage message(int i) {
        return OutboundMessage.of("t/" + i, new byte[0], Qos.AT_LEAST_ONCE, false);
    }

    @Test
    void keepsTheNewestInOrderAndCountsWhatItDropped() {
        OfflineBuffer buffer = new OfflineBuffer("test", 3);
        for (int i = 0; i < 5; i++) {
            buffer.add(message(i));
        }
        assertEquals(3, buffer.size());
        assertEquals(2, buffer.dropped());
        List<String> topics = new ArrayList<>();
        while (!buffer.isEmpty()) {
            topics.add(buffer.oldest().topic());
            buffer.removeOldest();
        }
        assertEquals(List.of("t/2", "t/3", "t/4"), topics);
    }

    @Test
    void aZeroCapacityDropsEverything() {
        OfflineBuffer buffer = new OfflineBuffer("test", 0);
        buffer.add(message(1));
        assertTrue(buffer.isEmpty());
        assertEquals(1, buffer.dropped());
    }
}
