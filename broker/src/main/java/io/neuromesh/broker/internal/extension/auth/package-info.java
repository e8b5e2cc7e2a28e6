/**
 * Users and roles on the embedded broker: the user file, watched for changes ({@code LiveAccounts}), the
 * authenticator that checks each CONNECT and its Last Will ({@code Authentication}), and the check that applies each
 * role's ACL to publishes and subscriptions ({@code Authorization}), registered by {@link AuthSecurity#register}.
 */
package io.neuromesh.broker.internal.extension.auth;
