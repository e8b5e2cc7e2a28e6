package io.neuromesh.mqtt;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A user name and password sent in MQTT CONNECT. The password is kept as UTF-8 bytes, copied in and out, and never
 * shown: {@link #toString()} names the user only, so a logged {@link LinkConfig} cannot leak it.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2
 */
public final class Credentials {

    private final String user;
    private final byte[] password;

    private Credentials(String user, byte[] password) {
        this.user = user;
        this.password = password;
    }

    /**
     * @param user     the user name, 1-64 characters without spaces
     * @param password the password, not empty; copied (the caller may clear its array afterwards)
     * @return the credentials
     * @throws IllegalArgumentException if the user name or the password is empty, or the user name has spaces
     */
    public static Credentials of(String user, char[] password) {
        if (user == null || user.isEmpty() || user.length() > 64 || user.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("user: must be 1-64 characters without spaces, got '" + user + "'");
        }
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("password: must not be empty (user '" + user + "')");
        }
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        // The encoder's buffer held the password too.
        Arrays.fill(encoded.array(), (byte) 0);
        return new Credentials(user, bytes);
    }

    /** @return the user name */
    public String user() {
        return user;
    }

    /** @return a copy of the password, UTF-8 encoded */
    public byte[] password() {
        return password.clone();
    }

    /** Names the user, never the password. */
    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=(hidden)]";
    }
}
