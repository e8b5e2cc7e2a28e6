package io.neuromesh.broker.internal.extension.auth;

import io.neuromesh.broker.BrokerException;
import io.neuromesh.broker.internal.auth.Account;
import io.neuromesh.broker.internal.auth.AccountFile;
import org.tinylog.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;

/**
 * The user file as the running broker sees it: read at start, and again whenever its identity (a rewrite is a new
 * file: {@code user add} renames one over it), modification time or size changed, checked with one {@code stat} per
 * look. A file that turns bad keeps the last good users (and says why once). Thread-safe; a reload reads one small
 * file and hashes nothing.
 */
final class LiveAccounts {

    /** What identifies one version of the file; null fields for a file that does not exist. */
    private record Version(Object key, FileTime modified, long size) {
        static final Version ABSENT = new Version(null, null, -1);
    }

    private final Path file;
    private volatile Map<String, Account> accounts;
    private volatile Version version;

    private LiveAccounts(Path file, Map<String, Account> accounts, Version version) {
        this.file = file;
        this.accounts = accounts;
        this.version = version;
    }

    /**
     * @param file the user file (it need not exist)
     * @throws BrokerException when it exists and cannot be read or has a bad line: a broker must not start with users
     *                         it cannot read
     */
    static LiveAccounts load(Path file) {
        Version version = versionOf(file);
        try {
            Map<String, Account> accounts = AccountFile.read(file);
            if (!accounts.isEmpty() && AccountFile.openToOthers(file)) {
                Logger.warn("The user file {} may be read by other users of this machine; chmod 600 it", file);
            }
            return new LiveAccounts(file, accounts, version);
        } catch (IOException | IllegalArgumentException e) {
            throw new BrokerException("cannot read the user file " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the users now, reloaded first if the file changed */
    Map<String, Account> current() {
        Version now = versionOf(file);
        if (!now.equals(version)) {
            reload(now);
        }
        return accounts;
    }

    /** @return whether the users last read were none (no {@code stat}: for the per-client fast path) */
    boolean lastKnownEmpty() {
        return accounts.isEmpty();
    }

    private synchronized void reload(Version now) {
        if (now.equals(version)) {
            return;
        }
        version = now;
        try {
            Map<String, Account> read = AccountFile.read(file);
            Logger.info("User file {} reloaded: {} user(s)", file, read.size());
            accounts = read;
        } catch (IOException | IllegalArgumentException e) {
            Logger.warn("The user file {} changed but cannot be used ({}); keeping the {} user(s) read before",
                    file, e.getMessage(), accounts.size());
        }
    }

    private static Version versionOf(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Version(Objects.requireNonNullElse(attributes.fileKey(), ""), attributes.lastModifiedTime(),
                    attributes.size());
        } catch (NoSuchFileException e) {
            return Version.ABSENT;
        } catch (IOException e) {
            // Unreadable attributes: treat as a change, so that the reload says why.
            return new Version(e.toString(), null, -2);
        }
    }
}
