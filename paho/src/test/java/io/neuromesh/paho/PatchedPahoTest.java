package io.neuromesh.paho;

import org.eclipse.paho.mqttv5.client.internal.CommsReceiver;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttPublish;
import org.eclipse.paho.mqttv5.common.packet.MqttWireMessage;
import org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The patched Paho classes are the ones loaded, read in blocks, and decode what Paho encodes exactly as before. */
class PatchedPahoTest {

    /** Counts the calls that read one byte. */
    private static final class ByteCalls extends ByteArrayInputStream {
        int single;

        ByteCalls(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read() {
            single++;
            return super.read();
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void theCountingStreamReadsInBlocksAndCountsEveryByteAsBefore() throws IOException {
        byte[] data = random(1_000_000, 1);
        ByteCalls source = new ByteCalls(data);
        CountingInputStream counting = new CountingInputStream(source);
        DataInputStream in = new DataInputStream(counting);

        int first = in.readUnsignedByte();
        byte[] rest = new byte[data.length - 1];
        in.readFully(rest);

        assertEquals(data[0] & 0xFF, first);
        assertEquals(data.length, counting.getCounter(), "every byte counted, single or in a block");
        assertEquals(1, source.single, "only the single-byte read goes byte by byte");
        assertEquals(-1, counting.read(new byte[8], 0, 8), "end of stream as before");
        assertEquals(data.length, counting.getCounter(), "the end of stream counts nothing");
    }

    @Test
    void aLargePublishDecodesToWhatWasEncoded() throws Exception {
        byte[] payload = random(3_000_000, 2);
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        message.setRetained(true);
        MqttPublish sent = new MqttPublish("neuron/topology", message, null);
        sent.setMessageId(7);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.write(sent.getHeader());
        wire.write(sent.getPayload());

        MqttPublish received = (MqttPublish) MqttWireMessage.createWireMessage(wire.toByteArray());

        assertEquals("neuron/topology", received.getTopicName());
        assertEquals(7, received.getMessageId());
        assertEquals(1, received.getMessage().getQos());
        assertTrue(received.getMessage().isRetained());
        assertArrayEquals(payload, received.getMessage().getPayload());
    }

    @Test
    void thePatchedClassesAreTheOnesLoadedFromAnUnsignedJar() throws NoSuchMethodException {
        // Declared by the patch; the released class inherits InputStream's byte-by-byte loop.
        assertEquals(CountingInputStream.class,
                CountingInputStream.class.getDeclaredMethod("read", byte[].class, int.class, int.class)
                        .getDeclaringClass());
        assertNull(CommsReceiver.class.getSigners(), "a signed package would refuse the patched classes");
        assertNull(MqttPublish.class.getSigners(), "the rest of Paho comes unsigned from the same jar");
    }
}
