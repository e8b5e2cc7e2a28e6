package io.neuromesh.edge.internal.client;

import io.neuromesh.edge.Topics;
import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.edge.wire.NodeStatusCodec;
import io.neuromesh.mqtt.InboundMessage;
import io.neuromesh.mqtt.Qos;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SeenRecordsTest {

    private static final Instant CONNECTED = Instant.parse("2026-01-01T10:00:00Z");
    private static final NodeStatus WILL = NodeStatus.offline("n3", NodeStatus.CONNECTION_LOST, CONNECTED);

    private static InboundMessage message(String topic, byte[] payload) {
        return new InboundMessage(topic, payload, Qos.AT_LEAST_ONCE, true, 0, null, null, Map.of());
    }

    @Test
    void datesAWillWithTheRecordAPeerMadeAndForgetsAClearedOne() {
        SeenRecords seen = new SeenRecords();
        NodeStatus record = NodeStatus.offlineSeenBy("n3", NodeStatus.CONNECTION_LOST, CONNECTED.plusSeconds(3600),
                "n1");
        seen.onMessage(message(Topics.nodeSeen("n1", "n3"), NodeStatusCodec.encode(record)));

        NodeStatus dated = seen.date(Map.of("n3", WILL)).get("n3");
        assertEquals(Optional.of("n1"), dated.reportedBy());
        assertEquals(CONNECTED.plusSeconds(3600), dated.timestamp());

        seen.onMessage(message(Topics.nodeSeen("n1", "n3"), new byte[0]));
        assertEquals(WILL, seen.date(Map.of("n3", WILL)).get("n3"));
    }

    @Test
    void ignoresARecordOfAnEarlierDepartureOrOfAnotherNodeThanItsTopicNames() {
        SeenRecords seen = new SeenRecords();
        NodeStatus earlier = NodeStatus.offlineSeenBy("n3", NodeStatus.CONNECTION_LOST, CONNECTED.minusSeconds(60),
                "n1");
        seen.onMessage(message(Topics.nodeSeen("n1", "n3"), NodeStatusCodec.encode(earlier)));
        NodeStatus other = NodeStatus.offlineSeenBy("n3", NodeStatus.CONNECTION_LOST, CONNECTED.plusSeconds(5), "n2");
        seen.onMessage(message(Topics.nodeSeen("n2", "n4"), NodeStatusCodec.encode(other)));

        assertEquals(WILL, seen.date(Map.of("n3", WILL)).get("n3"));
    }
}
