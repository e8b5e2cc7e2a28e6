package io.neuromesh.broker.internal.extension.auth;

import io.neuromesh.broker.internal.auth.Account;
import io.neuromesh.broker.internal.auth.PasswordHash;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * Remembers the passwords that logged in, so that a reconnect does not pay the slow hash again (about 0.1-0.2 s on a
 * desktop core, a second on a Pi, for every connection). Per user name it keeps the account it checked and an
 * HMAC-SHA256 of the password under a key drawn at random when the broker starts, never the password: the key lives
 * only in this process's memory, so a digest is no help to someone holding the user file. An entry counts only for
 * the same account (a changed password or role is a new hash) read in the same version of the user file (a reload
 * forgets everything). A wrong password is never remembered: it always pays the full hash, so guessing stays slow.
 * Thread-safe.
 */
final class LoginCache {

    private static final String MAC = "HmacSHA256";
    private static final int KEY_BYTES = 32;

    /** A password that logged in: its digest, the account it was checked against, and the users then current. */
    private record Entry(Map<String, Account> users, Account account, byte[] digest) {
    }

    private final SecretKeySpec key;
    private final BiPredicate<char[], String> slowCheck;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile Map<String, Account> users;

    /** A cache over {@link PasswordHash#verify}. */
    LoginCache() {
        this(PasswordHash::verify);
    }

    /** A cache over another check (tests count its calls). */
    LoginCache(BiPredicate<char[], String> slowCheck) {
        byte[] random = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, MAC);
        Arrays.fill(random, (byte) 0);
        this.slowCheck = slowCheck;
    }

    /**
     * @param current  the users now (identity matters: a reloaded file is a new map)
     * @param account  the user's account among them
     * @param password the password presented; not kept
     * @return whether it is the account's password: from memory when it logged in before with these users, else by
     *         the slow hash (and then remembered when right)
     */
    boolean verify(Map<String, Account> current, Account account, char[] password) {
        if (users != current) {
            forgetAllFor(current);
        }
        byte[] digest = digest(password);
        Entry known = entries.get(account.name());
        if (known != null && known.users() == current && known.account().equals(account)
                && MessageDigest.isEqual(known.digest(), digest)) {
            return true;
        }
        if (!slowCheck.test(password, account.hash())) {
            return false;
        }
        entries.put(account.name(), new Entry(current, account, digest));
        return true;
    }

    private synchronized void forgetAllFor(Map<String, Account> current) {
        if (users != current) {
            // Entries carry their users' map too, so a check racing with this one never trusts an old entry.
            entries.clear();
            users = current;
        }
    }

    private byte[] digest(char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            mac.update(bytes.duplicate());
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            // Every JDK has HmacSHA256: its absence is a broken runtime, not a user error.
            throw new IllegalStateException("this JDK cannot compute " + MAC + ": " + e, e);
        } finally {
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }
}
