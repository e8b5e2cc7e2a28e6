package io.neuromesh.cli.internal.command.record;

import io.neuromesh.edge.Replay;
import io.neuromesh.edge.wire.Input;
import io.neuromesh.topology.Topology;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What {@code replay} says of recorded inputs the topology has no synapse for. */
class ReplayIgnoredTest {

    private static final Topology TICKED = Topology.parse(("{\"rev\":3,\"tickMs\":50,"
            + "\"sensors\":[{\"id\":\"sensor_x\"}],\"defaults\":{\"threshold\":1},"
            + "\"neurons\":[{\"id\":\"x\",\"node\":\"n1\"},{\"id\":\"z\",\"node\":\"n1\"}],"
            + "\"synapses\":[{\"from\":\"sensor_x\",\"to\":\"x\",\"weight\":1},"
            + "{\"from\":\"x\",\"to\":\"z\",\"weight\":1}]}").getBytes(StandardCharsets.UTF_8));

    @Test
    void inputsFromAnotherNetworksSensorsAreNamedOnce() {
        List<Replay.Step> steps = List.of(step("x", "button_x"), step("x", "sensor_x"), step("x", "button_x"),
                step("q", "sensor_x"));
        assertEquals("3 of the 4 input(s) have no synapse in rev 3 and change nothing: button_x -> x, sensor_x -> q",
                ReplayCommand.ignored(steps, TICKED));
    }

    @Test
    void inputsWithSynapsesAndFireCommandsSayNothing() {
        Replay.Step fire = new Replay.Step("z", Input.fireCommand(), Instant.EPOCH);
        assertEquals("", ReplayCommand.ignored(List.of(step("x", "sensor_x"), step("z", "x"), fire), TICKED));
    }

    private static Replay.Step step(String to, String from) {
        return new Replay.Step(to, new Input(false, from, 1, Optional.empty(), OptionalLong.empty()), Instant.EPOCH);
    }
}
