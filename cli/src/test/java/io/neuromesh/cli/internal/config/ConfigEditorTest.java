package io.neuromesh.cli.internal.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** join's edits keep the file as written and change only the keys it sets. */
class ConfigEditorTest {

    @Test
    void aSetKeyGetsItsNewValueOnItsOwnLine() {
        List<String> lines = new ConfigEditor(List.of("# mine", "broker = tcp://old:1883", "timeout = 5s"))
                .set(ConfigFile.GLOBAL, "broker", "tcp://new:1883").lines();
        assertEquals(List.of("# mine", "broker = tcp://new:1883", "timeout = 5s"), lines);
    }

    @Test
    void aCommentedOutKeyOfTheSectionBecomesTheSetting() {
        List<String> lines = new ConfigEditor(List.of("# broker = tcp://127.0.0.1:1883", "", "[edge]",
                "# what node is", "# node = raspberrypi", "", "[worker]", "# node = not-this-one"))
                .set(ConfigFile.GLOBAL, "broker", "tcp://b:1883").set("edge", "node", "n7").lines();
        assertEquals(List.of("broker = tcp://b:1883", "", "[edge]", "# what node is", "node = n7", "",
                "[worker]", "# node = not-this-one"), lines);
    }

    @Test
    void aNewKeyGoesAtTheEndOfItsSectionAndAMissingSectionAtTheEndOfTheFile() {
        List<String> lines = new ConfigEditor(List.of("# top", "timeout = 5s", "", "[broker]", "port = 1884"))
                .set(ConfigFile.GLOBAL, "user", "n7").set("broker", "bind", "0.0.0.0").set("edge", "node", "n7")
                .lines();
        assertEquals(List.of("# top", "timeout = 5s", "user = n7", "", "[broker]", "port = 1884", "bind = 0.0.0.0",
                "", "[edge]", "node = n7"), lines);
    }

    @Test
    void aNewFileGetsTheKeys() {
        assertEquals(List.of("broker = tcp://b:1883", "", "[edge]", "node = n7"), new ConfigEditor(List.of())
                .set(ConfigFile.GLOBAL, "broker", "tcp://b:1883").set("edge", "node", "n7").lines());
    }
}
