package io.neuromesh.cli.internal.history;

import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.topology.Topology;
import io.neuromesh.topology.TopologyDiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.OptionalLong;

import static io.neuromesh.cli.internal.history.TopologyHistoryTest.T1;
import static io.neuromesh.cli.internal.history.TopologyHistoryTest.T2;
import static io.neuromesh.cli.internal.history.TopologyHistoryTest.doc;
import static io.neuromesh.cli.internal.history.TopologyHistoryTest.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RollbackPlanTest {

    @TempDir
    Path home;

    /** History: rev 1 (threshold 1), then rev 2 (threshold 0.5). */
    private TopologyHistory twoRevisions() {
        TopologyHistory history = new TopologyHistory(home);
        record(history, doc(1, 1), T1, "pair.json");
        record(history, doc(2, 0.5), T2, "pair.json");
        return history;
    }

    @Test
    void bringsBackThePreviousRevisionUnderTheRunningRevPlusOne() {
        RollbackPlan plan = RollbackPlan.choose(twoRevisions(), Topology.parse(doc(2, 0.5)), 2, OptionalLong.empty());
        assertEquals(1, plan.from().rev());
        assertEquals(3, plan.topology().rev());
        assertTrue(TopologyDiff.between(Topology.parse(doc(1, 1)), plan.topology()).isEmpty());
        assertEquals("pair", plan.topology().name());
    }

    @Test
    void aSecondRollbackUndoesTheFirst() {
        TopologyHistory history = twoRevisions();
        record(history, doc(3, 1), T2, "rollback to rev 1");
        RollbackPlan plan = RollbackPlan.choose(history, Topology.parse(doc(3, 1)), 3, OptionalLong.empty());
        assertEquals(2, plan.from().rev());
        assertEquals(4, plan.topology().rev());
    }

    @Test
    void theNewRevIsAboveTheHighestRevAnyNodeReports() {
        RollbackPlan plan = RollbackPlan.choose(twoRevisions(), Topology.parse(doc(2, 0.5)), 7, OptionalLong.empty());
        assertEquals(8, plan.topology().rev());
    }

    @Test
    void withoutARetainedTopologyTheNewestRevisionComesBack() {
        RollbackPlan plan = RollbackPlan.choose(twoRevisions(), null, 0, OptionalLong.empty());
        assertEquals(2, plan.from().rev());
        assertEquals(1, plan.topology().rev());
    }

    @Test
    void bringsBackTheRevItIsAskedFor() {
        TopologyHistory history = twoRevisions();
        record(history, doc(3, 2), T2, "pair.json");
        RollbackPlan plan = RollbackPlan.choose(history, Topology.parse(doc(3, 2)), 3, OptionalLong.of(1));
        assertEquals(1, plan.from().rev());
        assertEquals(4, plan.topology().rev());
    }

    @Test
    void refusesARevThatIsNotInTheHistory() {
        TopologyHistory history = twoRevisions();
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> RollbackPlan.choose(history, Topology.parse(doc(2, 0.5)), 2, OptionalLong.of(5)));
        assertEquals("rev 5 is not in the local history in " + history.directory()
                + "; ./neuromesh topology history lists what is", e.getMessage());
    }

    @Test
    void refusesARevWhoseNetworkIsRunningAlready() {
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> RollbackPlan.choose(twoRevisions(), Topology.parse(doc(2, 0.5)), 2, OptionalLong.of(2)));
        assertEquals("nothing to roll back: the fleet already runs the network of rev 2 (as rev 2)", e.getMessage());
    }

    @Test
    void saysThereIsNothingToRollBackToWhenTheHistoryIsEmpty() {
        TopologyHistory history = new TopologyHistory(home);
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> RollbackPlan.choose(history, Topology.parse(doc(2, 0.5)), 2, OptionalLong.empty()));
        assertEquals("nothing to roll back to: the local history in " + history.directory()
                + " is empty (it records each topology apply that every online node applied)", e.getMessage());
    }

    @Test
    void saysThereIsNothingToRollBackToWhenEveryRevisionIsTheRunningNetwork() {
        TopologyHistory history = new TopologyHistory(home);
        record(history, doc(1, 1), T1, "pair.json");
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> RollbackPlan.choose(history, Topology.parse(doc(4, 1)), 4, OptionalLong.empty()));
        assertEquals("nothing to roll back to: every revision in the local history in " + history.directory()
                + " has the network the fleet runs (rev 4)", e.getMessage());
    }
}
