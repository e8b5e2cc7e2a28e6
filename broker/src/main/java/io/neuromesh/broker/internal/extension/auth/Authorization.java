package io.neuromesh.broker.internal.extension.auth;

import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ClientBasedInput;
import io.neuromesh.broker.Role;
import io.neuromesh.broker.internal.auth.Acl;
import org.tinylog.Logger;

/**
 * Applies the {@link Acl} of the role {@link Authentication} kept on the connection to each PUBLISH (and Last Will)
 * and each subscription. A refused QoS 1 publish gets a PUBACK "not authorized" with the reason; a refused
 * subscription a SUBACK failure. Every refusal is logged with the client id. Stateless and thread-safe; decides
 * without blocking.
 */
final class Authorization implements PublishAuthorizer, SubscriptionAuthorizer {

    private static final String CONNECTED_OPEN = "this client connected before the broker had users; reconnect with"
            + " a user name and password";

    @Override
    public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
        String topic = input.getPublishPacket().getTopic();
        String denial = decide(input, (role, user, client) -> Acl.publishDenial(role, user, client, topic));
        if (denial == null) {
            output.authorizeSuccessfully();
            return;
        }
        Logger.warn("Refused a publish to {} from client {}: {}", topic, clientId(input), denial);
        output.failAuthorization(AckReasonCode.NOT_AUTHORIZED, denial);
    }

    @Override
    public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
        String filter = input.getSubscription().getTopicFilter();
        String denial = decide(input, (role, user, client) -> Acl.subscribeDenial(role, user, client, filter));
        if (denial == null) {
            output.authorizeSuccessfully();
            return;
        }
        Logger.warn("Refused a subscription to {} from client {}: {}", filter, clientId(input), denial);
        output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, denial);
    }

    /** One decision of the {@link Acl}. */
    private interface Decision {
        String denial(Role role, String user, String clientId);
    }

    private static String decide(ClientBasedInput input, Decision decision) {
        ConnectionAttributeStore attributes = input.getConnectionInformation().getConnectionAttributeStore();
        var role = attributes.getAsString(Authentication.ROLE);
        if (role.isEmpty()) {
            // Only clients authenticated as users get this authorizer (see AuthorizerProvider in NeuromeshExtension).
            return CONNECTED_OPEN;
        }
        return decision.denial(Role.valueOf(role.get()), attributes.getAsString(Authentication.USER).orElse(""),
                clientId(input));
    }

    private static String clientId(ClientBasedInput input) {
        return input.getClientInformation().getClientId();
    }
}
