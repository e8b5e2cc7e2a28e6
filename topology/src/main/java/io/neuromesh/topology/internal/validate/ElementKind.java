package io.neuromesh.topology.internal.validate;

/** The elements that share one id namespace, with the words used in messages. */
public enum ElementKind {
    SENSOR("sensor", "sensors"),
    NEURON("neuron", "neurons"),
    ACTUATOR("actuator", "actuators");

    private final String word;
    private final String array;

    ElementKind(String word, String array) {
        this.word = word;
        this.array = array;
    }

    /** @return the singular word, e.g. {@code sensor} */
    public String word() {
        return word;
    }

    /** @return the word with its article, e.g. {@code an actuator} */
    public String withArticle() {
        return (this == ACTUATOR ? "an " : "a ") + word;
    }

    /** @return the top-level array holding these elements, e.g. {@code sensors} */
    public String array() {
        return array;
    }
}
