package io.neuromesh.broker.internal.extension.auth;

import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ClientBasedInput;
import io.neuromesh.broker.Role;
import io.neuromesh.broker.internal.auth.Acl;
import org.tinylog.Logger;

/**
 * Applies the {@link Acl} of the role {@link Authentication} kept on the connection to each PUBLISH and each
 * subscription. Publishes are checked by an inbound interceptor rather than a HiveMQ publish authorizer: HiveMQ
 * disconnects a client after any publish its authorizer refuses, while a refusal here only answers the PUBACK with
 * "not authorized" and the reason (a refused QoS 0 publish is dropped), as the topology guard does. A refused
 * subscription gets a SUBACK failure. Every refusal is logged with the client id. Stateless and thread-safe; decides
 * without blocking.
 */
final class Authorization implements PublishInboundInterceptor, SubscriptionAuthorizer {

    private static final String CONNECTED_OPEN = "this client connected before the broker had users; reconnect with"
            + " a user name and password";

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        String topic = input.getPublishPacket().getTopic();
        String denial = decide(input, (role, user, client) -> Acl.publishDenial(role, user, client, topic));
        if (denial == null) {
            return;
        }
        if (input.getPublishPacket().getQos() == Qos.AT_MOST_ONCE) {
            Logger.warn("Dropped a QoS 0 publish to {} from client {}: {}", topic, clientId(input), denial);
        } else {
            Logger.warn("Refused a publish to {} from client {}: {}", topic, clientId(input), denial);
        }
        output.preventPublishDelivery(AckReasonCode.NOT_AUTHORIZED, denial);
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
            // Only clients that logged in, or connected while the broker had users, are checked (AuthSecurity).
            return CONNECTED_OPEN;
        }
        return decision.denial(Role.valueOf(role.get()), attributes.getAsString(Authentication.USER).orElse(""),
                clientId(input));
    }

    private static String clientId(ClientBasedInput input) {
        return input.getClientInformation().getClientId();
    }
}
