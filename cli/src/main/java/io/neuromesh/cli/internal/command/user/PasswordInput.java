package io.neuromesh.cli.internal.command.user;

import io.neuromesh.cli.internal.CommandFailedException;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a new password: on a terminal, typed twice without echo; otherwise the first line of standard input (so
 * {@code echo "$PW" | neuromesh user add ...} and scripts work, and the password is never an argument that
 * {@code ps} shows). The caller clears the returned array.
 */
final class PasswordInput {

    /** Shortest password accepted: shorter ones fall to guessing whatever the hash costs. */
    static final int MIN_LENGTH = 8;
    private static final int MAX_BYTES = 4096;

    private PasswordInput() {
    }

    /**
     * @param user         the user, for the prompt
     * @param fromStdin    true to read standard input even on a terminal ({@code --password-stdin})
     * @return the password
     * @throws CommandFailedException when none was given, the two entries differ, or it is too short
     */
    static char[] read(String user, boolean fromStdin) {
        Console console = System.console();
        char[] password = !fromStdin && isTerminal(console) ? prompt(console, user) : firstLine(System.in);
        if (password.length < MIN_LENGTH) {
            Arrays.fill(password, '\0');
            throw new CommandFailedException("the password of '" + user + "' must have at least " + MIN_LENGTH
                    + " characters" + (fromStdin || !isTerminal(console) ? " (read from standard input)" : ""));
        }
        return password;
    }

    private static char[] prompt(Console console, String user) {
        char[] first = console.readPassword("Password for %s: ", user);
        char[] second = console.readPassword("Again: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            clear(first, second);
            throw new CommandFailedException("the two passwords differ; nothing changed");
        }
        clear(second);
        return first;
    }

    /** The first line of {@code in}, without its line end. */
    static char[] firstLine(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0 && b != '\n' && line.size() < MAX_BYTES) {
                line.write(b);
            }
        } catch (IOException e) {
            throw new CommandFailedException("cannot read the password from standard input: " + e.getMessage());
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, length));
        char[] password = Arrays.copyOf(chars.array(), chars.limit());
        Arrays.fill(bytes, (byte) 0);
        Arrays.fill(chars.array(), '\0');
        return password;
    }

    /**
     * Whether there is a terminal to prompt on. JDK 22 and later return a console even when standard input is a pipe
     * and say so with {@code Console.isTerminal()}, which JDK 21 (the build's target) lacks: ask for it by name.
     */
    private static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException jdk21) {
            return true;
        }
    }

    private static void clear(char[]... passwords) {
        for (char[] password : passwords) {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }
}
