package io.neuromesh.edge.internal.port;

import io.neuromesh.edge.Topics;

import java.util.HashSet;
import java.util.Set;

/**
 * The retained state a restore reads, by neuron id: the outputs of some neurons ({@code neuron/<id>/output}) and the
 * sensor state of others ({@code neuron/<id>/state}). Ids rather than topics: a read of more than
 * {@link NeuronOutbox#EXACT_READ_LIMIT} goes by wildcard filters and needs no topic made, and making them (150,000
 * for a node's share of 100,000 neurons) took its brain about 0.3 s of its first apply. Immutable once made; the sets
 * are the caller's, not changed after.
 *
 * @param outputs the neurons whose retained output is wanted
 * @param states  the neurons whose retained sensor state is wanted
 */
public record RetainedQuery(Set<String> outputs, Set<String> states) {

    /** How many topics it reads. */
    public int size() {
        return outputs.size() + states.size();
    }

    /** Whether {@code topic} is one it reads. Any thread. */
    public boolean wants(String topic) {
        String id = Topics.neuronOf(topic);
        if (id == null) {
            return false;
        }
        int idEnd = Topics.INPUT_PREFIX.length() + id.length();
        if (topic.length() == idEnd + Topics.OUTPUT_SUFFIX.length() && topic.endsWith(Topics.OUTPUT_SUFFIX)) {
            return outputs.contains(id);
        }
        return topic.length() == idEnd + Topics.STATE_SUFFIX.length() && topic.endsWith(Topics.STATE_SUFFIX)
                && states.contains(id);
    }

    /** The topics it reads, made on each call: for a read that subscribes each of them. */
    public Set<String> topics() {
        Set<String> topics = HashSet.newHashSet(size());
        outputs.forEach(id -> topics.add(Topics.output(id)));
        states.forEach(id -> topics.add(Topics.state(id)));
        return topics;
    }
}
