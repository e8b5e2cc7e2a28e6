package io.neuromesh.mqtt.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TopicFiltersTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
            "neuron/x, neuron/x, true",
            "neuron/x, neuron/y, false",
            "neuron/+, neuron/x, true",
            "neuron/+, neuron/x/output, false",
            "neuron/+/output, neuron/z/output, true",
            "neuron/#, neuron, true",
            "neuron/#, neuron/z/output, true",
            "#, neuron/z, true",
            "#, $SYS/broker, false",
            "+/x, $SYS/x, false",
            "$share/g/tasks/+, tasks/q, true",
            "$share/g/tasks/+, other/q, false",
            "a/+/c, a//c, true",
    })
    void matchesTopicsLikeTheSpecSays(String filter, String topic, boolean expected) {
        assertEquals(expected, TopicFilters.matches(filter, topic));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a/#/b|filter: 'a/#/b' may use # only as the whole last level",
            "a/b#|filter: 'a/b#' may use # only as the whole last level",
            "a/b+|filter: 'a/b+' may use + only as a whole level",
            "$share//t|filter: '$share//t' must look like $share/<group>/<filter> with a group name free of wildcards",
            "$share/g/|filter: '$share/g/' must look like $share/<group>/<filter> with a group name free of wildcards",
    })
    void rejectsInvalidFiltersWithTheRule(String filter, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> TopicFilters.requireValidFilter(filter)).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "neuron/+|topic: 'neuron/+' must not contain the wildcards + or #",
            "neuron/#|topic: 'neuron/#' must not contain the wildcards + or #",
    })
    void rejectsWildcardsInTopicNames(String topic, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> TopicFilters.requireValidTopicName(topic)).getMessage());
    }
}
