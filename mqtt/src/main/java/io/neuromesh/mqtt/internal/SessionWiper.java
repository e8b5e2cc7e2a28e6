package io.neuromesh.mqtt.internal;

import io.neuromesh.mqtt.Credentials;
import org.eclipse.paho.mqttv5.common.MqttException;

import javax.net.SocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Ends whatever broker-side session a client id has, with one MQTT 5 CONNECT (clean start, no session expiry) and a
 * DISCONNECT on a socket of the link's own factory. Paho could do the same, but each Paho connection costs 200-300 ms of its own start-up
 * polling; this takes a round trip.
 */
final class SessionWiper {

    private static final int CONNACK = 0x20;

    private SessionWiper() {
    }

    /**
     * Wipes the session of {@code clientId}; throws when the broker is unreachable, or refuses the connection (then
     * an {@link MqttException} with the CONNACK's reason code, as Paho would).
     *
     * @param sockets     the link's socket factory (TLS for {@code ssl://})
     * @param credentials the link's user name and password, or null
     */
    static void wipe(SocketFactory sockets, URI broker, String clientId, Credentials credentials, Duration timeout)
            throws IOException, MqttException {
        try (Socket socket = sockets.createSocket()) {
            socket.setSoTimeout((int) timeout.toMillis());
            socket.connect(new InetSocketAddress(broker.getHost(), broker.getPort()), (int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(connect(clientId, credentials));
            out.flush();
            readConnack(socket.getInputStream());
            // DISCONNECT, reason 0 (normal): the broker drops the session at once and sends no Last Will.
            out.write(new byte[] {(byte) 0xE0, 0x00});
            out.flush();
        }
    }

    /**
     * MQTT 5 CONNECT: protocol "MQTT" level 5, clean start, keep-alive 10 s, no properties, the client id, and the
     * user name and password when there are credentials.
     */
    static byte[] connect(String clientId, Credentials credentials) {
        // Flags: clean start (0x02), plus user name (0x80) and password (0x40).
        byte flags = (byte) (credentials == null ? 0x02 : 0xC2);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x00, 0x04, 'M', 'Q', 'T', 'T', 0x05, flags, 0x00, 0x0A, 0x00});
        field(body, clientId.getBytes(StandardCharsets.UTF_8));
        if (credentials != null) {
            field(body, credentials.user().getBytes(StandardCharsets.UTF_8));
            field(body, credentials.password());
        }
        byte[] length = varint(body.size());
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x10);
        packet.writeBytes(length);
        packet.writeBytes(body.toByteArray());
        return packet.toByteArray();
    }

    /** A length-prefixed string or binary field. */
    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.write(value.length >> 8);
        out.write(value.length);
        out.writeBytes(value);
    }

    private static void readConnack(InputStream raw) throws IOException, MqttException {
        DataInputStream in = new DataInputStream(raw);
        int type = in.readUnsignedByte();
        int remaining = 0;
        int shift = 0;
        int b;
        do {
            b = in.readUnsignedByte();
            remaining |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0 && shift < 28);
        byte[] body = new byte[remaining];
        in.readFully(body);
        if (type != CONNACK || body.length < 2) {
            throw new IOException("expected CONNACK, got packet type " + (type >> 4));
        }
        int reason = body[1] & 0xFF;
        if (reason >= 0x80) {
            throw new MqttException(reason);
        }
    }

    private static byte[] varint(int value) {
        byte[] buffer = new byte[4];
        int n = 0;
        do {
            int digit = value & 0x7F;
            value >>>= 7;
            buffer[n++] = (byte) (value > 0 ? digit | 0x80 : digit);
        } while (value > 0);
        byte[] out = new byte[n];
        System.arraycopy(buffer, 0, out, 0, n);
        return out;
    }
}
