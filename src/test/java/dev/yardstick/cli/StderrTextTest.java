package dev.yardstick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** stderr shows what a server or model sent; only the status line's own wipe reaches the terminal as a control. */
class StderrTextTest {

    private static final String HOSTILE = "bad gateway\u001b]0;pwned\u0007\rFAKE\n\tindented";

    @Test
    void messagesShowControlCharactersAndKeepTheirLines() {
        StringWriter err = new StringWriter();
        Session session = new Session(Map.of(), null, new PrintWriter(new StringWriter()), new PrintWriter(err));
        session.log("yardstick: provider failure: " + HOSTILE);
        assertEquals("yardstick: provider failure: bad gateway\\x1b]0;pwned\\x07\\rFAKE\n\tindented"
                + System.lineSeparator(), err.toString());
    }

    @Test
    void theStatusLineWipesWithItsOwnControlAndShowsTheRest() {
        StringWriter err = new StringWriter();
        Session session = new Session(Map.of(), null, new PrintWriter(new StringWriter()), new PrintWriter(err));
        new StatusLine(session.err(), true).show("model " + HOSTILE);
        assertEquals("\r\u001b[2Kmodel bad gateway\\x1b]0;pwned\\x07\\rFAKE\\n\\tindented", err.toString());
    }
}
