package io.neuromesh.edge.internal.hosting;

import io.neuromesh.edge.internal.port.ControlOutbox;
import io.neuromesh.edge.wire.TopologyOutcome;
import io.neuromesh.edge.wire.TopologyResultCodec;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyException;

import java.util.List;
import java.util.SortedSet;

/**
 * Topology messages and membership as they reach hosting, and the results they produce: a result says "applied" only
 * once the node runs it, so an apply before the node knows its fleet is reported after the first placement.
 * Brain thread only.
 */
public final class TopologyIntake {

    private final Hosting hosting;
    private final ControlOutbox control;
    /** An applied topology whose result waits until neurons are placed. */
    private ApplyResult deferred;

    public TopologyIntake(Hosting hosting, ControlOutbox control) {
        this.hosting = hosting;
        this.control = control;
    }

    /** A topology message: applied, rejected with where and why, or ignored when unchanged. */
    public void topologyArrived(byte[] payload) {
        ApplyResult result;
        if (payload.length == 0) {
            result = hosting.reject(0, "", List.of("$: empty payload (the retained topology was cleared); "
                    + "the running topology stays"));
        } else {
            try {
                result = hosting.apply(Topology.parse(payload));
            } catch (TopologyException e) {
                result = hosting.reject(TopologyResultCodec.revOf(payload), "", e.errors());
            }
        }
        if (result.result() == TopologyOutcome.UNCHANGED) {
            return;
        }
        if (result.result() == TopologyOutcome.APPLIED && !hosting.isPlacing()) {
            deferred = result;
            return;
        }
        publish(result);
    }

    /** The online nodes changed: neurons move, and a deferred result is reported as of now. */
    public void membershipChanged(SortedSet<String> online) {
        hosting.membershipChanged(online);
        if (deferred != null) {
            publish(hosting.current(deferred));
            deferred = null;
        }
    }

    private void publish(ApplyResult result) {
        control.topologyResult(result);
        if (result.result() == TopologyOutcome.APPLIED) {
            control.status(hosting.view());
        }
    }
}
