/**
 * Implementation of the test brokers. Not an API: use {@link io.neuromesh.testkit.broker.TestBrokers}.
 */
package io.neuromesh.testkit.broker.internal;
