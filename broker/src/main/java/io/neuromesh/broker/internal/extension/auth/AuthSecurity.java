package io.neuromesh.broker.internal.extension.auth;

import com.hivemq.extension.sdk.api.auth.parameter.AuthorizerProviderInput;
import com.hivemq.extension.sdk.api.services.Services;
import io.neuromesh.broker.BrokerException;

import java.nio.file.Path;

/** Puts users and roles into HiveMQ: the authenticator and the authorizer, backed by one user file. */
public final class AuthSecurity {

    private AuthSecurity() {
    }

    /**
     * Registers the authenticator and the authorizer with HiveMQ's security registry. Call from the extension's
     * start, before the listeners open.
     *
     * @param userFile the user file; without users in it the broker stays open until some are added
     * @throws BrokerException when the file exists but cannot be read or has a bad line
     */
    public static void register(Path userFile) {
        LiveAccounts accounts = LiveAccounts.load(userFile);
        Authentication authentication = new Authentication(accounts);
        Authorization authorization = new Authorization();
        Services.securityRegistry().setAuthenticatorProvider(input -> authentication);
        Services.securityRegistry().setAuthorizerProvider(input -> needsAuthorization(input, accounts)
                ? authorization : null);
    }

    /**
     * A client that logged in as a user is always checked; one that connected while the broker had no users is
     * left alone (no per-publish cost for the open demo broker) until the broker has users.
     */
    private static boolean needsAuthorization(AuthorizerProviderInput input, LiveAccounts accounts) {
        return input.getConnectionInformation().getConnectionAttributeStore().getAsString(Authentication.ROLE)
                .isPresent() || !accounts.lastKnownEmpty();
    }
}
