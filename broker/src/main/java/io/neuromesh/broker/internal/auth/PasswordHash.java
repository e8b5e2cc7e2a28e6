package io.neuromesh.broker.internal.auth;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Passwords as slow, salted hashes, with the JDK's PBKDF2-HMAC-SHA256: {@value #ITERATIONS} iterations (about 0.2 s
 * on a desktop core, around a second on a Raspberry Pi: slow enough to make guessing from a stolen user file costly,
 * fast enough for a connect) over a {@value #SALT_BYTES}-byte random salt. Stored as
 * {@code pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>}, so that a later change of the count still reads
 * old hashes. Stateless and thread-safe.
 */
public final class PasswordHash {

    /** The scheme name at the start of every stored hash. */
    public static final String SCHEME = "pbkdf2-sha256";
    /** Iterations of new hashes (OWASP's floor for PBKDF2 as of 2023 is 210,000 for SHA-512, 600,000 for SHA-256). */
    public static final int ITERATIONS = 210_000;
    /** Salt length of new hashes, in bytes. */
    public static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    /** Older or newer hashes are read if their count lies in this range; outside it the line is refused. */
    private static final int MIN_ITERATIONS = 10_000;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /**
     * @param password the password; not kept
     * @return a new stored hash with a fresh salt
     */
    public static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME + "$" + ITERATIONS + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(derive(password, salt, ITERATIONS));
    }

    /**
     * Checks a password against a stored hash, in time independent of where they differ.
     *
     * @param password the password to check; not kept
     * @param stored   a hash from {@link #hash}, already checked by {@link #problem}
     * @return true when the password is the one hashed
     */
    public static boolean verify(char[] password, String stored) {
        String[] parts = stored.split("\\$", -1);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1])));
    }

    /**
     * @param stored a stored hash as read from the user file
     * @return what is wrong with it, or null when {@link #verify} can use it
     */
    public static String problem(String stored) {
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return "the hash must look like " + SCHEME + "$<iterations>$<salt>$<hash>";
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
                return "the hash's iterations must be " + MIN_ITERATIONS + "-" + MAX_ITERATIONS + ", got " + iterations;
            }
            if (Base64.getDecoder().decode(parts[2]).length < 8 || Base64.getDecoder().decode(parts[3]).length < 16) {
                return "the hash's salt or value is too short";
            }
        } catch (IllegalArgumentException e) {
            return "the hash's iterations, salt or value cannot be read (" + e.getMessage() + ")";
        }
        return null;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every JDK since 8 has PBKDF2WithHmacSHA256: its absence is a broken runtime, not a user error.
            throw new IllegalStateException("this JDK cannot compute PBKDF2WithHmacSHA256: " + e, e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Clears a password the caller no longer needs. */
    public static void clear(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
