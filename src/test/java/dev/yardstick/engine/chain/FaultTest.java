package dev.yardstick.engine.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.InputException;
import org.junit.jupiter.api.Test;
import java.time.Duration;

class FaultTest {

    @Test
    void parsesEveryForm() {
        Fault f = Fault.parse("primary:500@2");
        assertEquals("primary", f.model());
        assertEquals(Fault.Kind.HTTP, f.kind());
        assertEquals(500, f.status());
        assertNull(f.retryAfter());
        assertTrue(f.appliesAt(2) && !f.appliesAt(1) && !f.appliesAt(3));
        assertEquals(Fault.EVERY_TRY, f.times());

        Fault limited = Fault.parse("ollama/llama3.1:8b:429=250ms@2-4x2");
        assertEquals("ollama/llama3.1:8b", limited.model(), "the last colon before the kind splits");
        assertEquals(Duration.ofMillis(250), limited.retryAfter());
        assertTrue(limited.appliesAt(4) && !limited.appliesAt(5));
        assertEquals(2, limited.times());

        assertEquals(Duration.ofSeconds(1), Fault.parse("a:429@1").retryAfter(), "429 carries a default Retry-After");
        Fault open = Fault.parse("mock/fast?tokens=8:timeout@3-");
        assertEquals("mock/fast?tokens=8", open.model());
        assertTrue(open.appliesAt(1000));
        assertEquals(Fault.Kind.BROKEN_STREAM, Fault.parse("a:broken-stream@1").kind());
        assertTrue(Fault.parse("a:drop-system@2").kind().tampersHistory());
    }

    @Test
    void refusesMalformedFaults() {
        for (String bad : new String[] {"primary500@2", "primary:500", "primary:600@2", "primary:explode@2",
                "primary:500@0", "primary:500@3-2", "primary:timeout=1s@2", "primary:500@two"}) {
            InputException e = assertThrows(InputException.class, () -> Fault.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("fault '" + bad + "'"), e.getMessage());
        }
    }
}
