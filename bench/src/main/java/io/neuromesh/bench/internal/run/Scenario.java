package io.neuromesh.bench.internal.run;

import io.neuromesh.bench.ScenarioResult;

import java.util.List;

/** One benchmark scenario: runs on one broker and returns its rows. */
public interface Scenario {

    /** The name users select it by ({@code --only}), one of {@link io.neuromesh.bench.Bench#SCENARIOS}. */
    String name();

    /**
     * Runs it. Starts and stops everything it needs besides the broker.
     *
     * @throws Exception when it breaks; the run records a failed row with the message and goes on
     */
    List<ScenarioResult> run(ScenarioContext context) throws Exception;
}
