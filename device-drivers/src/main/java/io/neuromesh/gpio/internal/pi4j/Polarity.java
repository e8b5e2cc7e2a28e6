package io.neuromesh.gpio.internal.pi4j;

import com.pi4j.io.gpio.digital.DigitalState;

/** Converts between logical states (active or not) and physical levels, for active-high and active-low pins. */
final class Polarity {

    private Polarity() {
    }

    static boolean isActive(DigitalState physical, boolean activeLow) {
        return (physical == DigitalState.HIGH) != activeLow;
    }

    static DigitalState physical(boolean active, boolean activeLow) {
        return active != activeLow ? DigitalState.HIGH : DigitalState.LOW;
    }

    static double physicalDuty(double activeDutyPercent, boolean activeLow) {
        return activeLow ? 100.0 - activeDutyPercent : activeDutyPercent;
    }
}
