package io.neuromesh.broker.internal.auth;

import io.neuromesh.broker.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Each role's decisions, as a table: role, user, action, topic or filter, allowed. The client id is {@code c1}. */
class AclTest {

    @ParameterizedTest(name = "{0} {1} {2} {3}: {4}")
    @CsvSource({
            // operator: everything
            "OPERATOR, alice, pub, neuromesh/topology, true",
            "OPERATOR, alice, pub, neuromesh/nodes/n1/request/gpio-set, true",
            "OPERATOR, alice, sub, #, true",
            // node: its own subtree, neurons, the history, requests and replies, its worker topics
            "NODE, n1, pub, neuromesh/nodes/n1/status, true",
            "NODE, n1, pub, neuromesh/nodes/n1/seen/n2, true",
            "NODE, n1, pub, neuromesh/nodes/n2/status, false",
            "NODE, n1, pub, neuromesh/nodes/n10/status, false",
            "NODE, n1, pub, neuromesh/nodes/n2/request/gpio-set, false",
            "NODE, n1, pub, neuromesh/topology, false",
            "NODE, n1, sub, neuromesh/topology, true",
            "NODE, n1, pub, neuromesh/topology/history, true",
            "NODE, n1, pub, neuromesh/topology/history/7, true",
            "NODE, n1, pub, neuromesh/topology/history/7/x, false",
            "NODE, n1, pub, neuron/z/output, true",
            "NODE, n1, pub, neuron/z/state, true",
            "NODE, n1, pub, neuron/z, true",
            "NODE, n1, sub, neuron/+/output, true",
            "NODE, n1, sub, neuromesh/nodes/+/status, true",
            "NODE, n1, sub, neuromesh/nodes/n1/request/gpio-set, true",
            "NODE, n1, sub, neuromesh/request/logs, true",
            "NODE, n1, pub, neuromesh/request/clear-logs, false",
            "NODE, n1, pub, neuromesh/reply/neuromesh-cli-1234, true",
            "NODE, n1, sub, neuromesh/#, false",
            "NODE, n1, sub, #, false",
            "NODE, n1, sub, $share/neuromesh/neuromesh/tasks/default, true",
            "NODE, n1, sub, neuromesh/workers/n1/tasks, true",
            "NODE, n1, pub, neuromesh/workers/n1/status, true",
            "NODE, n1, pub, neuromesh/workers/n2/tasks, false",
            "NODE, n1, pub, neuromesh/tasks/default, false",
            "NODE, n1, pub, neuromesh/replies/flows-1a2b, true",
            "NODE, n1, sub, neuromesh/revoke, true",
            // viewer: reads everything, publishes only read-only requests and its own reply topic
            "VIEWER, eve, sub, #, true",
            "VIEWER, eve, sub, neuron/+/output, true",
            "VIEWER, eve, pub, neuromesh/request/logs, true",
            "VIEWER, eve, pub, neuromesh/request/inspect, true",
            "VIEWER, eve, pub, neuromesh/request/clear-logs, false",
            "VIEWER, eve, pub, neuromesh/reply/c1, true",
            "VIEWER, eve, pub, neuromesh/reply/c2, false",
            "VIEWER, eve, pub, neuromesh/topology, false",
            "VIEWER, eve, pub, neuron/x, false",
            "VIEWER, eve, pub, neuromesh/nodes/n1/request/gpio-set, false",
            "VIEWER, eve, pub, neuromesh/tasks/default, false",
    })
    void decides(Role role, String user, String action, String topic, boolean allowed) {
        String denial = action.equals("pub") ? Acl.publishDenial(role, user, "c1", topic)
                : Acl.subscribeDenial(role, user, "c1", topic);
        assertEquals(allowed, denial == null, denial);
    }

    @Test
    void aRefusalNamesTheRoleTheUserAndWhatTheRoleMayDo() {
        assertEquals("viewer 'eve' may not publish to neuromesh/topology (a viewer reads everything and publishes"
                + " only logs and inspect requests)", Acl.publishDenial(Role.VIEWER, "eve", "c1", "neuromesh/topology"));
        assertEquals("node 'n1' may not publish to neuromesh/nodes/n2/status (a node writes only its own"
                + " neuromesh/nodes/<its name>/..., neuron topics, the applied history, replies and its worker topics)",
                Acl.publishDenial(Role.NODE, "n1", "c1", "neuromesh/nodes/n2/status"));
    }

    @Test
    void aClientIdWithWildcardsGrantsNothingThroughItsPattern() {
        assertEquals("viewer 'eve' may not publish to neuromesh/reply/a/b (a viewer reads everything and publishes"
                + " only logs and inspect requests)", Acl.publishDenial(Role.VIEWER, "eve", "a/#", "neuromesh/reply/a/b"));
    }

    @Test
    void theFleetsOwnClientIdsBelongToTheirNode() {
        assertNull(Acl.clientIdDenial(Role.NODE, "n1", "neuromesh-node-n1"));
        assertNull(Acl.clientIdDenial(Role.NODE, "n1", "neuromesh-node-n1-reader"));
        assertNull(Acl.clientIdDenial(Role.NODE, "n1", "neuromesh-worker-n1"));
        assertNull(Acl.clientIdDenial(Role.NODE, "n1", "neuromesh-node-n1.in1"));
        assertNull(Acl.clientIdDenial(Role.NODE, "n1", "neuromesh-node-n1.in12"));
        assertNull(Acl.clientIdDenial(Role.OPERATOR, "alice", "neuromesh-node-n1"));
        assertNull(Acl.clientIdDenial(Role.VIEWER, "eve", "neuromesh-cli-1234"));
        assertEquals("client id 'neuromesh-node-n1' belongs to a node's own connection; node 'n2' may not use it",
                Acl.clientIdDenial(Role.NODE, "n2", "neuromesh-node-n1"));
        for (String taken : new String[]{"neuromesh-node-n1.in1", "neuromesh-node-n1.in", "neuromesh-node-n1.in0",
                "neuromesh-node-n1.inx", "neuromesh-node-n1.in1-reader"}) {
            assertEquals("client id '" + taken + "' belongs to a node's own connection; node 'n2' may not use it",
                    Acl.clientIdDenial(Role.NODE, "n2", taken), taken);
        }
        assertEquals("client id 'neuromesh-node-n1.in1' belongs to a node's own connection; node 'n1-in1' may not "
                + "use it", Acl.clientIdDenial(Role.NODE, "n1-in1", "neuromesh-node-n1.in1"));
        assertEquals("client id 'neuromesh-worker-n1' belongs to a node's own connection; viewer 'eve' may not use it",
                Acl.clientIdDenial(Role.VIEWER, "eve", "neuromesh-worker-n1"));
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "#, a/b, true", "a/#, a, true", "a/#, a/b/c, true", "a/+, a/b, true", "a/+, a/+, true",
            "a/+, a/#, false", "a/b, a/+, false", "a/+/c, a/b/c, true", "a/+, a/b/c, false", "a/b, a/b/c, false",
            "a/b/c, a/b, false", "neuromesh/nodes/n1/#, neuromesh/nodes/n1, true",
    })
    void coversFiltersLevelByLevel(String pattern, String filter, boolean covers) {
        assertEquals(covers, Acl.covers(pattern, filter));
    }
}
