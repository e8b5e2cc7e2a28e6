package io.neuromesh.broker.internal.extension.auth;

import com.hivemq.extension.sdk.api.client.ClientContext;
import com.hivemq.extension.sdk.api.client.parameter.InitializerInput;
import com.hivemq.extension.sdk.api.parameter.ClientBasedInput;
import com.hivemq.extension.sdk.api.services.Services;
import io.neuromesh.broker.BrokerException;

import java.nio.file.Path;

/**
 * Puts users and roles into HiveMQ, backed by one user file: the authenticator, the subscription authorizer, and the
 * publish check each client gets at its start ({@link #initialize}). A client that connected while the broker had no
 * users is left alone (no per-publish cost for the open demo broker).
 */
public final class AuthSecurity {

    private final LiveAccounts accounts;
    private final Authorization authorization = new Authorization();

    private AuthSecurity(LiveAccounts accounts) {
        this.accounts = accounts;
    }

    /**
     * Registers the authenticator and the subscription authorizer with HiveMQ's security registry. Call from the
     * extension's start, before the listeners open; then call {@link #initialize} from the extension's client
     * initializer.
     *
     * @param userFile the user file; without users in it the broker stays open until some are added
     * @return the registered security, for the client initializer
     * @throws BrokerException when the file exists but cannot be read or has a bad line
     */
    public static AuthSecurity register(Path userFile) {
        AuthSecurity security = new AuthSecurity(LiveAccounts.load(userFile));
        Authentication authentication = new Authentication(security.accounts);
        Services.securityRegistry().setAuthenticatorProvider(input -> authentication);
        Services.securityRegistry().setAuthorizerProvider(input -> security.checked(input)
                ? security.authorization : null);
        return security;
    }

    /** Adds the publish check to a client that logged in as a user (called once per client, after its login). */
    public void initialize(InitializerInput input, ClientContext client) {
        if (checked(input)) {
            client.addPublishInboundInterceptor(authorization);
        }
    }

    private boolean checked(ClientBasedInput input) {
        return input.getConnectionInformation().getConnectionAttributeStore().getAsString(Authentication.ROLE)
                .isPresent() || !accounts.lastKnownEmpty();
    }
}
