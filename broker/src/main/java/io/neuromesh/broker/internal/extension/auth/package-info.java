/**
 * Users and roles on the embedded broker: the user file, watched for changes ({@code LiveAccounts}), the
 * authenticator that checks each CONNECT ({@code Authentication}) and the authorizer that applies each role's ACL to
 * publishes and subscriptions ({@code Authorization}), registered by {@link AuthSecurity#register}.
 */
package io.neuromesh.broker.internal.extension.auth;
