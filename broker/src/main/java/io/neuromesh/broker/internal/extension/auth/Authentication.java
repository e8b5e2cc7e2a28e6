package io.neuromesh.broker.internal.extension.auth;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.services.Services;
import io.neuromesh.broker.internal.auth.Account;
import io.neuromesh.broker.internal.auth.Acl;
import io.neuromesh.broker.internal.auth.PasswordHash;
import org.tinylog.Logger;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the user name and password of each CONNECT against the user file. With no users the broker stays open.
 * The slow hash runs on HiveMQ's extension executor, never on a network thread, and only once per user and password
 * while the user file stays the same ({@link LoginCache}); on success the user and role are kept on the connection
 * for {@link Authorization}. A refusal is logged with the client id and user, never the password. Thread-safe.
 */
final class Authentication implements SimpleAuthenticator {

    /** Connection attribute holding the user name of an authenticated client. */
    static final String USER = "neuromesh.user";
    /** Connection attribute holding its role ({@code Role.name()}). */
    static final String ROLE = "neuromesh.role";
    /** Longest a connect may wait for its password check (hashes queue behind each other under a storm). */
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

    private final LiveAccounts accounts;
    private final LoginCache logins = new LoginCache();

    Authentication(LiveAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        Map<String, Account> users = accounts.current();
        if (users.isEmpty()) {
            output.authenticateSuccessfully();
            return;
        }
        Async<SimpleAuthOutput> async = output.async(CHECK_TIMEOUT, TimeoutFallback.FAILURE,
                ConnackReasonCode.SERVER_BUSY, "the password check took too long; try again");
        Services.extensionExecutorService().submit(() -> {
            try {
                decide(users, input, output);
            } catch (RuntimeException e) {
                Logger.error(e, "Refused client {}: the password check failed", input.getClientInformation()
                        .getClientId());
                output.failAuthentication(ConnackReasonCode.UNSPECIFIED_ERROR, "the password check failed");
            } finally {
                async.resume();
            }
        });
    }

    private void decide(Map<String, Account> users, SimpleAuthInput input, SimpleAuthOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        String client = connect.getClientId();
        Optional<String> name = connect.getUserName();
        if (name.isEmpty()) {
            Logger.warn("Refused client {}: no user name (this broker has users: every client must log in)", client);
            output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED,
                    "this broker needs a user name and password");
            return;
        }
        Account account = users.get(name.get());
        char[] password = chars(connect.getPassword());
        try {
            if (account == null || password == null || !logins.verify(users, account, password)) {
                Logger.warn("Refused client {}: {} for user '{}'", client,
                        account == null ? "unknown user" : password == null ? "no password" : "wrong password",
                        name.get());
                output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad user name or password");
                return;
            }
        } finally {
            PasswordHash.clear(password);
        }
        String denial = Acl.clientIdDenial(account.role(), account.name(), client);
        if (denial == null && connect.getWillPublish().isPresent()) {
            // A Last Will is a publish the broker makes later in the client's name: the same ACL applies now.
            String will = connect.getWillPublish().get().getTopic();
            denial = Acl.publishDenial(account.role(), account.name(), client, will);
        }
        if (denial != null) {
            Logger.warn("Refused client {} of user '{}': {}", client, account.name(), denial);
            output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, denial);
            return;
        }
        ConnectionAttributeStore attributes = input.getConnectionInformation().getConnectionAttributeStore();
        attributes.putAsString(USER, account.name());
        attributes.putAsString(ROLE, account.role().name());
        Logger.debug("Client {} logged in as {} '{}'", client, account.role().text(), account.name());
        output.authenticateSuccessfully();
    }

    /** The password as characters, or null when there is none or it is not UTF-8; the caller clears it. */
    private static char[] chars(Optional<ByteBuffer> password) {
        if (password.isEmpty()) {
            return null;
        }
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder().decode(password.get().asReadOnlyBuffer());
            char[] chars = new char[decoded.remaining()];
            decoded.get(chars);
            Arrays.fill(decoded.array(), '\0');
            return chars;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
