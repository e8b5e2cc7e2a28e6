package io.neuromesh.edge.wire;

import com.google.gson.JsonObject;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The one codec of {@link PinState}, on {@code neuromesh/nodes/<node>/gpio/<pin>} (retained; cleared with an empty
 * payload when the pin closes):
 * <pre>{@code
 * {"v":1,"pin":17,"id":"button_x","kind":"input","active":true,"level":"high","ts":1767225600000}
 * {"v":1,"pin":22,"id":"led_z","neuron":"z","kind":"digital","active":false,"level":"low","ts":1767225600000}
 * {"v":1,"pin":18,"id":"fan","neuron":"z","kind":"pwm","active":true,"duty":50.0,"ts":1767225600000}
 * }</pre>
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class PinStateCodec {

    private static final String MESSAGE = "pin state";

    private PinStateCodec() {
    }

    /** The payload of {@code state}, fields in the order the runtime has always written them. */
    public static byte[] encode(PinState state) {
        JsonObject json = JsonMessage.start();
        json.addProperty("pin", state.pin());
        json.addProperty("id", state.id());
        state.neuron().ifPresent(neuron -> json.addProperty("neuron", neuron));
        json.addProperty("kind", state.kind().wireName());
        json.addProperty("active", state.active());
        state.level().ifPresent(level -> json.addProperty("level", level.wireName()));
        state.dutyPercent().ifPresent(duty -> json.addProperty("duty", duty));
        json.addProperty("ts", state.timestamp().toEpochMilli());
        return JsonMessage.bytes(json);
    }

    /**
     * Reads a pin state payload (not an empty one: that means the pin was closed).
     *
     * @throws WireFormatException when it is not a valid pin state; the message names the field
     */
    public static PinState decode(byte[] payload) throws WireFormatException {
        JsonMessage json = JsonMessage.parse(MESSAGE, payload);
        long pin = json.wholeNumber("pin", 0);
        String id = json.text("id");
        Optional<String> neuron = json.has("neuron") ? Optional.of(json.text("neuron")) : Optional.empty();
        PinKind kind = json.constant("kind", PinKind.class);
        boolean active = json.bool("active");
        Optional<PinLevel> level = json.has("level") ? Optional.of(json.constant("level", PinLevel.class))
                : Optional.empty();
        OptionalDouble duty = json.has("duty") ? OptionalDouble.of(json.number("duty")) : OptionalDouble.empty();
        Instant ts = json.epochMillis("ts");
        if (pin > Integer.MAX_VALUE) {
            throw new WireFormatException(MESSAGE + ": pin: must be a BCM number, got " + pin);
        }
        return json.build(() -> new PinState((int) pin, id, neuron, kind, active, level, duty, ts));
    }
}
