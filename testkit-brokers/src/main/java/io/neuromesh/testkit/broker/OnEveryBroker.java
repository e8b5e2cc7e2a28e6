package io.neuromesh.testkit.broker;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test method once per {@link BrokerKind}; the method takes the kind as its parameter:
 * <pre>{@code
 * @OnEveryBroker
 * void deliversRetainedOutputs(BrokerKind kind) {
 *     try (TestBroker broker = TestBrokers.of(kind)) {
 *         ...
 *     }
 * }
 * }</pre>
 * The mosquitto run is reported as skipped where mosquitto is not installed.
 *
 * @since 0.1
 */
@Documented
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "on {0}")
@EnumSource(BrokerKind.class)
public @interface OnEveryBroker {
}
