package io.neuromesh.broker.internal.auth;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHashTest {

    @Test
    void aHashIsSaltedSlowAndVerifiesOnlyItsPassword() {
        String first = PasswordHash.hash("correct horse".toCharArray());
        String second = PasswordHash.hash("correct horse".toCharArray());

        assertNotEquals(first, second, "a fresh salt each time");
        String[] parts = first.split("\\$");
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals(210_000, Integer.parseInt(parts[1]));
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
        assertFalse(first.contains("correct"));
        assertNull(PasswordHash.problem(first));
        assertTrue(PasswordHash.verify("correct horse".toCharArray(), first));
        assertTrue(PasswordHash.verify("correct horse".toCharArray(), second));
        assertFalse(PasswordHash.verify("correct hors".toCharArray(), first));
        assertFalse(PasswordHash.verify("Correct horse".toCharArray(), first));
    }

    @Test
    void namesWhatIsWrongWithAStoredHash() {
        assertEquals("the hash must look like pbkdf2-sha256$<iterations>$<salt>$<hash>",
                PasswordHash.problem("md5$abc"));
        assertEquals("the hash's iterations must be 10000-10000000, got 1000",
                PasswordHash.problem("pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        assertTrue(PasswordHash.problem("pbkdf2-sha256$x$a$b").startsWith("the hash's iterations, salt or value"));
    }
}
