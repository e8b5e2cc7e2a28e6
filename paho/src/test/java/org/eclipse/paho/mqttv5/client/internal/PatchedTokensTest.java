package org.eclipse.paho.mqttv5.client.internal;

import org.eclipse.paho.mqttv5.client.MqttToken;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The token patches (in this package to reach Paho's protected members): tokens share their client's logger, and
 * saving a token no longer describes it for a trace line that is not logged.
 */
class PatchedTokensTest {

    private static Object logOf(Token token) throws ReflectiveOperationException {
        Field log = Token.class.getDeclaredField("log");
        log.setAccessible(true);
        return log.get(token);
    }

    @Test
    void tokensOfOneClientShareOneLoggerAndEachClientHasItsOwn() throws ReflectiveOperationException {
        Object first = logOf(new Token("client-a"));

        assertSame(first, logOf(new Token("client-a")), "a second token of the client makes no logger");
        assertNotSame(first, logOf(new Token("client-b")), "another client logs under its own id");
        assertNotSame(first, logOf(new Token(null)), "a token without a context has a logger too");
    }

    @Test
    void savingATokenDoesNotDescribeItWhenItsTraceLineIsNotLogged() {
        AtomicInteger described = new AtomicInteger();
        MqttToken token = new MqttToken("client-c") {
            @Override
            public String toString() {
                described.incrementAndGet();
                return super.toString();
            }
        };
        CommsTokenStore store = new CommsTokenStore("client-c");

        store.saveToken(token, "7");

        assertSame(token, store.getToken("7"));
        assertEquals(0, described.get(), "Paho's trace is off by default");
    }
}
