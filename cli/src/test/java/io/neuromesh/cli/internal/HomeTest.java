package io.neuromesh.cli.internal;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HomeTest {

    @Test
    void everyFolderIsUnderNeuromeshHome() {
        Home home = Home.of(Map.of("NEUROMESH_HOME", "/srv/nm"), "/home/pi");
        assertEquals(Path.of("/srv/nm/broker"), home.broker());
        assertEquals(Path.of("/srv/nm/nodes/n1"), home.node("n1"));
        assertEquals(Path.of("/srv/nm/tasks"), home.tasks());
    }

    @Test
    void withoutNeuromeshHomeItIsDotNeuromeshInTheUsersHome() {
        assertEquals(Path.of("/home/pi/.neuromesh"), Home.of(Map.of(), "/home/pi").root());
        assertEquals(Path.of("/home/pi/.neuromesh"), Home.of(Map.of("NEUROMESH_HOME", " "), "/home/pi").root());
    }
}
