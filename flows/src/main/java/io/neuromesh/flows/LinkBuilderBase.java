package io.neuromesh.flows;

import io.neuromesh.mqtt.LinkConfig;

import java.net.URI;
import java.util.function.Consumer;

/**
 * The settings a flows builder ({@link ClientConfig.Builder}, {@link WorkerConfig.Builder}) passes on to its MQTT
 * link, in one place. Not for use on its own: only the builders of this package extend it.
 *
 * @param <B> the builder, returned by every setter for chaining
 * @since 0.1
 */
public abstract class LinkBuilderBase<B extends LinkBuilderBase<B>> {

    /** The link's settings; the builder adds its own (client id, Last Will) when it builds its config. */
    final LinkConfig.Builder link;

    LinkBuilderBase(LinkConfig.Builder link) {
        this.link = link;
    }

    /** Broker address. */
    public final B broker(URI broker) {
        link.broker(broker);
        return self();
    }

    /** Broker address; a bare {@code host:port} gets {@code tcp://} prepended. */
    public final B broker(String broker) {
        link.broker(broker);
        return self();
    }

    /**
     * Any other setting of the MQTT link (broker, keep-alive, reconnect, ...); a worker's client id and Last Will
     * are the worker's own and replace what is set here.
     */
    public final B link(Consumer<LinkConfig.Builder> settings) {
        settings.accept(link);
        return self();
    }

    @SuppressWarnings("unchecked")
    final B self() {
        // Only ClientConfig.Builder and WorkerConfig.Builder extend this class, each with itself as B.
        return (B) this;
    }
}
