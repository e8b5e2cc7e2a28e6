package io.neuromesh.edge.wire;

import com.google.gson.JsonObject;

import java.util.Optional;

/**
 * The one codec of the gpio-set request and its reply (MQTT 5 request/response on
 * {@code neuromesh/nodes/<node>/request/gpio-set}):
 * <pre>{@code
 * {"v":1,"pin":17,"level":"high"}
 * {"v":1,"ok":true}
 * {"v":1,"ok":false,"error":"pin 5 is not a sensor input on node n1"}
 * }</pre>
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class GpioSetCodec {

    private static final String REQUEST = "gpio-set request";
    private static final String REPLY = "gpio-set reply";

    private GpioSetCodec() {
    }

    /** The payload of {@code request}. */
    public static byte[] encodeRequest(GpioSetRequest request) {
        JsonObject json = JsonMessage.start();
        json.addProperty("pin", request.pin());
        json.addProperty("level", request.level().wireName());
        return JsonMessage.bytes(json);
    }

    /**
     * Reads a gpio-set request.
     *
     * @throws WireFormatException when it is not a valid request; the message names the field
     */
    public static GpioSetRequest decodeRequest(byte[] payload) throws WireFormatException {
        JsonMessage json = JsonMessage.parse(REQUEST, payload);
        long pin = json.wholeNumber("pin", 0);
        PinLevel level = json.constant("level", PinLevel.class);
        if (pin > Integer.MAX_VALUE) {
            throw new WireFormatException(REQUEST + ": pin: must be a BCM number, got " + pin);
        }
        return json.build(() -> new GpioSetRequest((int) pin, level));
    }

    /** The payload of {@code reply}. */
    public static byte[] encodeReply(GpioSetReply reply) {
        JsonObject json = JsonMessage.start();
        json.addProperty("ok", reply.error().isEmpty());
        reply.error().ifPresent(error -> json.addProperty("error", error));
        return JsonMessage.bytes(json);
    }

    /**
     * Reads a gpio-set reply.
     *
     * @throws WireFormatException when it is not a valid reply; the message names the field
     */
    public static GpioSetReply decodeReply(byte[] payload) throws WireFormatException {
        JsonMessage json = JsonMessage.parse(REPLY, payload);
        Optional<String> error = json.bool("ok") ? Optional.empty() : Optional.of(json.text("error"));
        return json.build(() -> new GpioSetReply(error));
    }
}
