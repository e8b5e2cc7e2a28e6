package io.neuromesh.broker.internal.auth;

import io.neuromesh.broker.Role;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user file's text: one user per line, {@code <name>:<role>:<hash>} (for example
 * {@code alice:operator:pbkdf2-sha256$210000$...$...}); blank lines and lines starting with {@code #} are ignored.
 * Names are ids, so they never hold a {@code :}. Stateless.
 */
public final class UserLines {

    private static final String HEADER = """
            # Neuromesh broker users: <name>:<role>:<password hash>. Edit with ./neuromesh user add|remove|passwd;
            # roles: operator, node, viewer (see docs/security.md). Hashes are PBKDF2-HMAC-SHA256; no password is here.
            """;

    private UserLines() {
    }

    /**
     * @param text  the file's content
     * @param where the file, for messages
     * @return the accounts by name, in file order
     * @throws IllegalArgumentException naming the line and what is wrong with it, e.g.
     *                                  {@code users:3: role: must be one of operator, node, viewer, got 'admin'};
     *                                  never quoting a hash
     */
    public static Map<String, Account> parse(String text, String where) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String at = where + ":" + (i + 1) + ": ";
            String[] fields = line.split(":", 3);
            if (fields.length != 3) {
                throw new IllegalArgumentException(at + "expected <name>:<role>:<hash>, got " + fields.length
                        + " field(s)");
            }
            Account account;
            try {
                account = new Account(fields[0], Role.parse(fields[1]), fields[2]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + e.getMessage(), e);
            }
            if (accounts.putIfAbsent(account.name(), account) != null) {
                throw new IllegalArgumentException(at + "user '" + account.name() + "' is listed twice");
            }
        }
        return accounts;
    }

    /**
     * @param accounts the accounts, in the order to write them
     * @return the file's content, with a header saying what it is
     */
    public static String render(Iterable<Account> accounts) {
        StringBuilder text = new StringBuilder(HEADER);
        List<Account> all = new ArrayList<>();
        accounts.forEach(all::add);
        for (Account account : all) {
            text.append(account.name()).append(':').append(account.role().text()).append(':').append(account.hash())
                    .append('\n');
        }
        return text.toString();
    }
}
