package io.neuromesh.mqtt;

/**
 * Receives messages of one subscription. Called on the {@link java.util.concurrent.Executor} given when
 * subscribing (the link's own dispatch thread by default), never on the MQTT client's network or callback thread,
 * so a handler may publish, subscribe or block briefly. A handler that throws loses only that message; the
 * exception is logged and counted.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface MessageHandler {

    /** Handles one message. */
    void onMessage(InboundMessage message) throws Exception;
}
