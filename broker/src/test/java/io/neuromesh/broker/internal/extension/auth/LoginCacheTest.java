package io.neuromesh.broker.internal.extension.auth;

import io.neuromesh.broker.Role;
import io.neuromesh.broker.internal.auth.Account;
import io.neuromesh.broker.internal.auth.PasswordHash;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cache of logins over the real slow hash, counting how often the hash runs. */
class LoginCacheTest {

    private static final Account ALICE = new Account("alice", Role.OPERATOR, PasswordHash.hash(pw("right")));
    private static final Account BOB = new Account("bob", Role.NODE, PasswordHash.hash(pw("right")));

    private final AtomicInteger slowChecks = new AtomicInteger();
    private final LoginCache cache = new LoginCache((password, hash) -> {
        slowChecks.incrementAndGet();
        return PasswordHash.verify(password, hash);
    });
    private final Map<String, Account> users = Map.of("alice", ALICE, "bob", BOB);

    private static char[] pw(String text) {
        return text.toCharArray();
    }

    @Test
    void aSecondLoginWithTheSamePasswordSkipsTheSlowHash() {
        assertTrue(cache.verify(users, ALICE, pw("right")));
        assertTrue(cache.verify(users, ALICE, pw("right")));
        assertTrue(cache.verify(users, ALICE, pw("right")));
        assertEquals(1, slowChecks.get());
    }

    @Test
    void aWrongPasswordAlwaysPaysTheFullHashAndIsNeverRemembered() {
        assertFalse(cache.verify(users, ALICE, pw("guess")));
        assertFalse(cache.verify(users, ALICE, pw("guess")));
        assertEquals(2, slowChecks.get(), "a failed check is not remembered");
        assertTrue(cache.verify(users, ALICE, pw("right")));
        assertFalse(cache.verify(users, ALICE, pw("guess")));
        assertFalse(cache.verify(users, ALICE, pw("righ")));
        assertEquals(5, slowChecks.get(), "a remembered login does not shortcut a wrong password");
    }

    @Test
    void aLoginCountsForItsOwnUserOnly() {
        assertTrue(cache.verify(users, ALICE, pw("right")));
        assertTrue(cache.verify(users, BOB, pw("right")));
        assertEquals(2, slowChecks.get());
        assertTrue(cache.verify(users, BOB, pw("right")));
        assertEquals(2, slowChecks.get());
    }

    @Test
    void aReloadedUserFileForgetsEveryLogin() {
        assertTrue(cache.verify(users, ALICE, pw("right")));
        Map<String, Account> reloaded = new HashMap<>(users);
        assertTrue(cache.verify(reloaded, ALICE, pw("right")));
        assertEquals(2, slowChecks.get(), "the same users, read again, are checked again");
        assertTrue(cache.verify(reloaded, ALICE, pw("right")));
        assertEquals(2, slowChecks.get());
        assertTrue(cache.verify(users, ALICE, pw("right")), "the old users again count as a change too");
        assertEquals(3, slowChecks.get());
    }

    @Test
    void aChangedPasswordOrRoleIsANewEntry() {
        assertTrue(cache.verify(users, ALICE, pw("right")));
        Account newPassword = new Account("alice", Role.OPERATOR, PasswordHash.hash(pw("new")));
        assertFalse(cache.verify(users, newPassword, pw("right")), "the old password no longer logs in");
        assertTrue(cache.verify(users, newPassword, pw("new")));
        assertEquals(3, slowChecks.get());
        assertTrue(cache.verify(users, newPassword.withRole(Role.VIEWER), pw("new")));
        assertEquals(4, slowChecks.get(), "a new role is checked again");
    }
}
