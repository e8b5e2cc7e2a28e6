package io.neuromesh.gpio;

/** Checks shared by the pin configuration records. */
final class Pins {

    private Pins() {
    }

    static void requireBcm(int pin) {
        if (pin < GpioPort.MIN_PIN || pin > GpioPort.MAX_PIN) {
            throw new IllegalArgumentException("pin: must be a BCM GPIO number " + GpioPort.MIN_PIN + "-"
                    + GpioPort.MAX_PIN + ", got " + pin);
        }
    }
}
