package io.neuromesh.gpio.internal.pi4j;

/** A pin the port keeps track of until it is closed. */
interface OpenPin {

    int pin();

    PinKind kind();

    void close();
}
