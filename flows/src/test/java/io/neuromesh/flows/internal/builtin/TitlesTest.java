package io.neuromesh.flows.internal.builtin;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TitlesTest {

    @Test
    void findsTheTitleWhateverItsCaseAndLayout() {
        assertEquals("Stock prices & more", Titles.of("<html><HEAD><Title lang=en>\n  Stock   prices &amp; more\n</TITLE>"));
    }

    @Test
    void returnsNullWithoutATitle() {
        assertNull(Titles.of("<html><body>no title</body></html>"));
        assertNull(Titles.of("<title>   </title>"));
    }
}
