package io.neuromesh.bench.internal.run;

import io.neuromesh.bench.internal.broker.BrokerUnderTest;
import io.neuromesh.bench.internal.fleet.Revisions;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a scenario gets: the broker, the scale, the floors measured so far and where progress goes.
 *
 * @param broker        the broker to run on
 * @param scale         samples, rounds and sizes
 * @param revisions     topology revisions, increasing over the whole run
 * @param floors        the floor measured on each broker so far, by broker label
 * @param edgeMainClass the main class the edge-start scenario launches
 * @param gaps          the sparse scenario's pauses between inputs
 * @param idleNeurons   idle neurons the sparse scenario hosts beside its one-node chain (0: none, no such rows)
 * @param progress      where to print one line per step worth seeing while it runs
 */
public record ScenarioContext(BrokerUnderTest broker, Scale scale, Revisions revisions, Map<String, Floor> floors,
                              String edgeMainClass, List<Duration> gaps, int idleNeurons,
                              PrintStream progress) {

    /** Prints one progress line, indented under the scenario's own line. */
    public void say(String line) {
        progress.println("    " + line);
        progress.flush();
    }
}
