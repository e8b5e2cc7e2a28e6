package io.neuromesh.gpio.internal.pi4j;

/** What an open pin is used as, in the words error messages use. */
enum PinKind {
    INPUT("an input"),
    OUTPUT("an output"),
    PWM("a PWM output");

    private final String description;

    PinKind(String description) {
        this.description = description;
    }

    @Override
    public String toString() {
        return description;
    }
}
