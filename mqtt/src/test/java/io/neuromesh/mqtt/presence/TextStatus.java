package io.neuromesh.mqtt.presence;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A test status written as text: {@code <peer> online|offline|will [sent=<epoch ms>] [after=<ms>] [every=<ms>]};
 * {@code will} is an offline status written by the broker (a Last Will), {@code every} the heartbeat interval.
 */
public record TextStatus(String peer, boolean online, Instant sent, Duration offlineAfter, boolean will,
                         Duration interval) {

    public TextStatus(String peer, boolean online, Instant sent, Duration offlineAfter) {
        this(peer, online, sent, offlineAfter, false);
    }

    public TextStatus(String peer, boolean online, Instant sent, Duration offlineAfter, boolean will) {
        this(peer, online, sent, offlineAfter, will, null);
    }

    /** An online status that announces a heartbeat every {@code interval}. */
    public static TextStatus beating(String peer, Duration interval) {
        return new TextStatus(peer, true, null, null, false, interval);
    }

    public static TextStatus online(String peer) {
        return new TextStatus(peer, true, null, null);
    }

    public static TextStatus offline(String peer) {
        return new TextStatus(peer, false, null, null);
    }

    public static TextStatus will(String peer) {
        return new TextStatus(peer, false, null, null, true);
    }

    public static byte[] bytes(TextStatus status) {
        return CODEC.encode(status);
    }

    public static final PresenceCodec<TextStatus> CODEC = new PresenceCodec<>() {
        @Override
        public byte[] encode(TextStatus s) {
            String text = s.peer() + (s.online() ? " online" : s.will() ? " will" : " offline")
                    + (s.sent() == null ? "" : " sent=" + s.sent().toEpochMilli())
                    + (s.offlineAfter() == null ? "" : " after=" + s.offlineAfter().toMillis())
                    + (s.interval() == null ? "" : " every=" + s.interval().toMillis());
            return text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public TextStatus decode(String peer, byte[] payload) {
            String[] words = new String(payload, StandardCharsets.UTF_8).split(" ");
            if (words.length < 2 || !words[1].matches("online|offline|will")) {
                throw new IllegalArgumentException("state: must be online, offline or will");
            }
            if (!words[0].equals(peer)) {
                throw new IllegalArgumentException("status on the topic of " + peer + " names " + words[0]);
            }
            Instant sent = null;
            Duration after = null;
            Duration every = null;
            for (int i = 2; i < words.length; i++) {
                long value = Long.parseLong(words[i].substring(words[i].indexOf('=') + 1));
                if (words[i].startsWith("sent=")) {
                    sent = Instant.ofEpochMilli(value);
                } else if (words[i].startsWith("every=")) {
                    every = Duration.ofMillis(value);
                } else {
                    after = Duration.ofMillis(value);
                }
            }
            return new TextStatus(words[0], words[1].equals("online"), sent, after, words[1].equals("will"), every);
        }

        @Override
        public boolean online(TextStatus status) {
            return status.online();
        }

        @Override
        public boolean lastWill(TextStatus status) {
            return status.will();
        }

        @Override
        public Instant sentAt(TextStatus status) {
            return status.sent();
        }

        @Override
        public Duration offlineAfter(TextStatus status) {
            return status.offlineAfter();
        }

        @Override
        public Duration interval(TextStatus status) {
            return status.interval();
        }
    };
}
