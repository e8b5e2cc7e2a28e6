package io.neuromesh.broker.internal.extension.topology;

import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;

import java.util.Objects;

/**
 * What the {@link TopologyGuard} decided about one publish on {@code neuromesh/topology}.
 *
 * @param allowed    true to let the publish through
 * @param reasonCode the PUBACK reason code of a refusal; {@link AckReasonCode#SUCCESS} when allowed
 * @param reason     the reason string sent to the publisher (under {@link #MAX_REASON_LENGTH} characters), or
 *                   empty when allowed
 */
public record Verdict(boolean allowed, AckReasonCode reasonCode, String reason) {

    /** Reason strings stay short: they travel in every refusal's PUBACK and end up on one terminal line. */
    public static final int MAX_REASON_LENGTH = 500;

    private static final Verdict ALLOW = new Verdict(true, AckReasonCode.SUCCESS, "");

    public Verdict {
        Objects.requireNonNull(reasonCode, "reasonCode: must not be null");
        Objects.requireNonNull(reason, "reason: must not be null");
        if (allowed != (reasonCode == AckReasonCode.SUCCESS)) {
            throw new IllegalArgumentException("reasonCode: " + reasonCode + " does not fit allowed=" + allowed);
        }
        if (!allowed && reason.isBlank()) {
            throw new IllegalArgumentException("reason: a refusal must say why");
        }
        if (reason.length() >= MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("reason: must be under " + MAX_REASON_LENGTH + " characters, got "
                    + reason.length());
        }
    }

    /** @return the verdict that lets a publish through */
    public static Verdict allow() {
        return ALLOW;
    }

    /**
     * @param code   a reason code of 0x80 or above
     * @param reason why, and what to do instead
     * @return a refusal
     */
    public static Verdict refuse(AckReasonCode code, String reason) {
        return new Verdict(false, code, reason);
    }
}
