package io.neuromesh.cli.internal.command.topology;

import io.neuromesh.cli.internal.CommandFailedException;
import io.neuromesh.edge.wire.AppliedHistory;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import static io.neuromesh.cli.internal.fleet.Fleets.network;
import static io.neuromesh.cli.internal.fleet.Fleets.revision;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RollbackChoiceTest {

    private static final Topology REV1 = network(1, 1);
    private static final Topology REV2 = network(2, 0.5);
    private static final Topology REV3 = network(3, 1);
    private static final AppliedHistory HISTORY = new AppliedHistory(List.of(revision(REV3), revision(REV2),
            revision(REV1)));
    private final List<Long> loaded = new ArrayList<>();
    private final Function<AppliedHistory.Revision, Topology> load = r -> {
        loaded.add(r.rev());
        return Map.of(1L, REV1, 2L, REV2, 3L, REV3).get(r.rev());
    };

    @Test
    void withoutToPicksTheNewestRevisionWhoseNetworkDiffersFromWhatRuns() {
        // rev 3 has rev 1's network: rolling back from 3 brings back rev 2's.
        RollbackChoice choice = RollbackChoice.choose(HISTORY, Optional.of(REV3), OptionalLong.empty(), load);
        assertEquals(2, choice.from().rev());
        assertEquals(REV2, choice.network());
        assertEquals(List.of(3L, 2L), loaded, "reads only the documents it needs");
    }

    @Test
    void withToPicksThatRevision() {
        assertEquals(REV1, RollbackChoice.choose(HISTORY, Optional.of(REV3), OptionalLong.of(1), load).network());
    }

    @Test
    void refusesARevThatIsNotInTheHistoryListingTheOnesThatAre() {
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> RollbackChoice.choose(HISTORY, Optional.of(REV3), OptionalLong.of(7), load));
        assertEquals("rev 7 is not in the fleet's applied history; it holds rev 3 2 1", e.getMessage());
    }

    @Test
    void saysWhenThereIsNothingToRollBackTo() {
        assertEquals("nothing to roll back to: the fleet's applied history (neuromesh/topology/history) is empty;"
                + " the fleet records each revision every online node ran", assertThrows(CommandFailedException.class,
                () -> RollbackChoice.choose(AppliedHistory.EMPTY, Optional.empty(), OptionalLong.empty(), load))
                .getMessage());
        AppliedHistory same = new AppliedHistory(List.of(revision(REV3), revision(REV1)));
        assertEquals("nothing to roll back to: every revision in the fleet's applied history has the network the"
                + " fleet runs (rev 3)", assertThrows(CommandFailedException.class,
                () -> RollbackChoice.choose(same, Optional.of(REV3), OptionalLong.empty(), load)).getMessage());
    }
}
