package io.neuromesh.edge.internal.link;

import io.neuromesh.edge.EdgeConfig;

/**
 * How a node subscribes to its neurons' inputs ({@link InputSubscriptions}).
 *
 * @param perConnection exact filters per connection ({@link EdgeConfig#inputFiltersPerConnection()})
 * @param wildcardShare the share of the topology from which one {@code neuron/+} replaces the exact filters
 *                      ({@link EdgeConfig#inputWildcardShare()})
 */
public record InputFilterRules(int perConnection, double wildcardShare) {

    /** The rules {@code config} sets. */
    public static InputFilterRules of(EdgeConfig config) {
        return new InputFilterRules(config.inputFiltersPerConnection(), config.inputWildcardShare());
    }

    /**
     * Whether {@code neuron/+} serves a node better than exact filters: it hosts every neuron of the topology (the
     * wildcard brings nothing else), or at least {@link EdgeConfig#WILDCARD_MIN_NEURONS} and {@link #wildcardShare}
     * of them (the peers' inputs it also brings cost less than subscribing that many filters).
     */
    public boolean wildcardFits(int hosted, int topologyNeurons) {
        return hosted > 0 && (hosted == topologyNeurons
                || (hosted >= EdgeConfig.WILDCARD_MIN_NEURONS && hosted >= wildcardShare * topologyNeurons));
    }
}
