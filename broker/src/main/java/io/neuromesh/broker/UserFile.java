package io.neuromesh.broker;

import io.neuromesh.broker.internal.auth.Account;
import io.neuromesh.broker.internal.auth.AccountFile;
import io.neuromesh.broker.internal.auth.PasswordHash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users of an embedded broker: the file {@value #FILE_NAME} in its data folder, one {@code <name>:<role>:<hash>}
 * line per user (passwords hashed with PBKDF2-HMAC-SHA256, 210,000 iterations, a 16-byte random salt; never stored
 * in clear). Every change rewrites the file atomically, owner-only ({@code 0600}); a running broker picks the change
 * up at the next connection. When the file holds any user, every client must log in.
 *
 * <p>Each method reads the file afresh; not thread-safe across processes (two changes at the same time may lose one).
 *
 * @since 0.2
 */
public final class UserFile {

    /** The name of the user file in a broker's data folder. */
    public static final String FILE_NAME = "users";

    private final Path file;

    private UserFile(Path file) {
        this.file = file;
    }

    /**
     * @param dataDir a broker's data folder (need not exist yet)
     * @return the user file {@code <dataDir>/users}
     */
    public static UserFile in(Path dataDir) {
        return new UserFile(dataDir.resolve(FILE_NAME).toAbsolutePath().normalize());
    }

    /** @return the file's path */
    public Path path() {
        return file;
    }

    /**
     * @return the users in file order; empty when there is no file
     * @throws IllegalStateException when the file cannot be read or has a bad line (the message names the line)
     */
    public List<User> list() {
        return read().values().stream().map(Account::user).toList();
    }

    /**
     * @return the user of that name, if there is one
     * @throws IllegalStateException when the file cannot be read or has a bad line
     */
    public Optional<User> find(String name) {
        return Optional.ofNullable(read().get(name)).map(Account::user);
    }

    /**
     * Adds a user.
     *
     * @param name     an id (1-64 characters of {@code A-Z a-z 0-9 _ -}); for a node, its node id
     * @param role     its role
     * @param password its password, not empty; hashed, then cleared
     * @throws IllegalArgumentException when the name is not an id, the password is empty, or the user exists
     * @throws IllegalStateException    when the file cannot be read or written
     */
    public void add(String name, Role role, char[] password) {
        new User(name, role);
        Map<String, Account> accounts = read();
        if (accounts.containsKey(name)) {
            throw new IllegalArgumentException("user '" + name + "' exists already in " + file
                    + "; change its password with: user passwd " + name);
        }
        accounts.put(name, new Account(name, role, hashOf(password)));
        write(accounts);
    }

    /**
     * Sets a user's password.
     *
     * @throws IllegalArgumentException when there is no such user or the password is empty
     * @throws IllegalStateException    when the file cannot be read or written
     */
    public void passwd(String name, char[] password) {
        Map<String, Account> accounts = read();
        Account account = existing(accounts, name);
        accounts.put(name, new Account(name, account.role(), hashOf(password)));
        write(accounts);
    }

    /**
     * Removes a user; its open connections stay until they reconnect.
     *
     * @throws IllegalArgumentException when there is no such user
     * @throws IllegalStateException    when the file cannot be read or written
     */
    public void remove(String name) {
        Map<String, Account> accounts = read();
        existing(accounts, name);
        accounts.remove(name);
        write(accounts);
    }

    private Account existing(Map<String, Account> accounts, String name) {
        Account account = accounts.get(name);
        if (account == null) {
            throw new IllegalArgumentException("no user '" + name + "' in " + file
                    + (accounts.isEmpty() ? " (it has no users)" : " (users: " + String.join(", ", accounts.keySet())
                    + ")"));
        }
        return account;
    }

    private static String hashOf(char[] password) {
        try {
            if (password == null || password.length == 0) {
                throw new IllegalArgumentException("password: must not be empty");
            }
            return PasswordHash.hash(password);
        } finally {
            PasswordHash.clear(password);
        }
    }

    private Map<String, Account> read() {
        try {
            return new LinkedHashMap<>(AccountFile.read(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the user file " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the user file has a bad line: " + e.getMessage(), e);
        }
    }

    private void write(Map<String, Account> accounts) {
        try {
            AccountFile.write(file, accounts.values());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the user file " + file + ": " + e,
                    new UncheckedIOException(e));
        }
    }
}
