package io.neuromesh.mqtt.internal;

import javax.net.SocketFactory;
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
     * Wipes the session of {@code clientId}; throws when the broker is unreachable or refuses the connection.
     *
     * @param sockets the link's socket factory (TLS for {@code ssl://})
     */
    static void wipe(SocketFactory sockets, URI broker, String clientId, Duration timeout) throws IOException {
        try (Socket socket = sockets.createSocket()) {
            socket.setSoTimeout((int) timeout.toMillis());
            socket.connect(new InetSocketAddress(broker.getHost(), broker.getPort()), (int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(connect(clientId));
            out.flush();
            readConnack(socket.getInputStream());
            // DISCONNECT, reason 0 (normal): the broker drops the session at once and sends no Last Will.
            out.write(new byte[] {(byte) 0xE0, 0x00});
            out.flush();
        }
    }

    /** MQTT 5 CONNECT: protocol "MQTT" level 5, clean start, keep-alive 10 s, no properties, the client id. */
    static byte[] connect(String clientId) {
        byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
        byte[] variable = {0x00, 0x04, 'M', 'Q', 'T', 'T', 0x05, 0x02, 0x00, 0x0A, 0x00};
        int remaining = variable.length + 2 + id.length;
        byte[] length = varint(remaining);
        byte[] packet = new byte[1 + length.length + remaining];
        packet[0] = 0x10;
        System.arraycopy(length, 0, packet, 1, length.length);
        int at = 1 + length.length;
        System.arraycopy(variable, 0, packet, at, variable.length);
        at += variable.length;
        packet[at++] = (byte) (id.length >> 8);
        packet[at++] = (byte) id.length;
        System.arraycopy(id, 0, packet, at, id.length);
        return packet;
    }

    private static void readConnack(InputStream raw) throws IOException {
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
            throw new IOException("broker refused the connection (reason " + reason + ")");
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
