package io.neuromesh.cli.internal.options;

import io.neuromesh.cli.internal.UsageException;
import io.neuromesh.mqtt.Credentials;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Who a command logs in as: {@code --user} (else {@code $NEUROMESH_USER}), and the password from
 * {@code $NEUROMESH_PASSWORD} or {@code --password-file}; never from the command line, which every user of the
 * machine sees in {@code ps}. Without a user the command connects anonymously, as an open broker allows.
 */
public final class UserOptions {

    /** The environment variable that gives the user when {@code --user} is absent. */
    public static final String USER_ENV = "NEUROMESH_USER";
    /** The environment variable holding the password. */
    public static final String PASSWORD_ENV = "NEUROMESH_PASSWORD";

    @Option(names = "--user", paramLabel = "NAME", description = "log in to the broker as this user (default: $"
            + USER_ENV + "); the password comes from $" + PASSWORD_ENV + " or --password-file")
    private String user;
    @Option(names = "--password-file", paramLabel = "FILE",
            description = "file whose first line is the password of --user (keep it chmod 600)")
    private Path passwordFile;

    /**
     * @return the credentials, or null to connect anonymously
     * @throws UsageException when there is a user but no password, or a password file but no user
     */
    Credentials credentials() {
        return credentials(System.getenv());
    }

    Credentials credentials(Map<String, String> env) {
        String name = user != null ? user : blankToNull(env.get(USER_ENV));
        if (name == null) {
            if (passwordFile != null) {
                throw new UsageException("--password-file needs --user NAME (or $" + USER_ENV + ")");
            }
            return null;
        }
        char[] password = passwordFile != null ? firstLine(passwordFile) : chars(env.get(PASSWORD_ENV));
        if (password == null || password.length == 0) {
            throw new UsageException("--user " + name + " needs a password: set $" + PASSWORD_ENV
                    + " or pass --password-file FILE");
        }
        try {
            return Credentials.of(name, password);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--user: " + e.getMessage());
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private static char[] firstLine(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.lines().findFirst().orElse("").toCharArray();
        } catch (IOException e) {
            throw new UsageException("--password-file: cannot read " + file + " (" + e.getMessage() + ")");
        }
    }

    private static char[] chars(String text) {
        return text == null ? null : text.toCharArray();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
