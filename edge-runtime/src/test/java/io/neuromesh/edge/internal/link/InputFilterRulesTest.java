package io.neuromesh.edge.internal.link;

import io.neuromesh.edge.EdgeConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When one {@code neuron/+} replaces a node's exact input filters. */
class InputFilterRulesTest {

    private final InputFilterRules rules = new InputFilterRules(10_000, EdgeConfig.DEFAULT_INPUT_WILDCARD_SHARE);

    @Test
    void aNodeHostingEveryNeuronWhateverTheSize() {
        assertTrue(rules.wildcardFits(3, 3));
        assertTrue(rules.wildcardFits(100_000, 100_000));
        assertFalse(rules.wildcardFits(0, 0), "nothing hosted: nothing to subscribe");
    }

    @Test
    void aNodeHostingManyNeuronsAndALargeShare() {
        assertTrue(rules.wildcardFits(49_888, 100_000), "one of two nodes, the smaller half");
        assertFalse(rules.wildcardFits(33_400, 100_000), "one of three: exact filters");
        assertTrue(rules.wildcardFits(1_000, 2_500), "at the floor and the share");
    }

    @Test
    void smallSetsKeepExactFiltersUnlessTheyAreEverything() {
        assertFalse(rules.wildcardFits(3, 6), "half of the XOR network: six filters cost nothing");
        assertFalse(rules.wildcardFits(999, 1_500), "below the floor of 1,000");
    }

    @Test
    void aShareOfOneMeansOnlyEveryNeuron() {
        InputFilterRules everyOnly = new InputFilterRules(10_000, 1);
        assertFalse(everyOnly.wildcardFits(99_999, 100_000));
        assertTrue(everyOnly.wildcardFits(100_000, 100_000));
    }
}
