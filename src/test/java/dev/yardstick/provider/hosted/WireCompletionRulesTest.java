package dev.yardstick.provider.hosted;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.yardstick.provider.http.StreamCompletion;
import org.junit.jupiter.api.Test;

/** The completion rules alone, event by event: pure logic, no server. */
class WireCompletionRulesTest {

    private static String feed(StreamCompletion rule, String... events) {
        for (String event : events) {
            int bar = event.indexOf('|');
            String wrong = rule.onEvent(new ServerSentEvent(bar < 0 ? null : event.substring(0, bar),
                    event.substring(bar + 1)));
            if (wrong != null) {
                return wrong;
            }
        }
        return rule.atEnd();
    }

    @Test
    void openAiIsCompleteWithAFinishReasonOrDoneAfterAChoice() {
        assertNull(feed(WireCompletion.openAi(), "{\"choices\":[{\"delta\":{\"content\":\"a\"},\"finish_reason\":null}]}",
                "{\"error\":null,\"choices\":[{\"index\":1},{\"delta\":{},\"finish_reason\":\"stop\"}]}"));
        assertNull(feed(WireCompletion.openAi(), "{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}", "[DONE]"));
        assertTrue(feed(WireCompletion.openAi(), "{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}")
                .contains("without a finish_reason or data: [DONE]"));
    }

    @Test
    void openAiUsageAndDoneWithoutAnyChoiceIsContentFree() {
        assertTrue(feed(WireCompletion.openAi(), "{\"choices\":[],\"usage\":{\"completion_tokens\":3}}", "[DONE]")
                .contains("no choice in the stream"));
        assertTrue(feed(WireCompletion.openAi()).contains("no SSE event"));
    }

    @Test
    void anErrorOrDataThatIsNotAJsonObjectFailsAtOnce() {
        assertTrue(feed(WireCompletion.openAi(), "{\"error\":{\"message\":\"boom\"}}").contains("error object"));
        assertTrue(feed(WireCompletion.openAi(), "error|{\"message\":\"boom\"}").contains("error event"));
        assertTrue(feed(WireCompletion.gemini(), "[1,2]").contains("not a JSON object"));
        assertTrue(feed(WireCompletion.ollama(), "{\"done\":fals").contains("not JSON"));
        assertTrue(feed(WireCompletion.anthropic(), "message_start|{\"type\":\"error\",\"error\":{}}")
                .contains("error object"));
    }

    @Test
    void anthropicGeminiAndOllamaNeedTheirOwnTerminalMarkers() {
        assertNull(feed(WireCompletion.anthropic(), "message_start|{\"type\":\"message_start\"}",
                "message_stop|{\"type\":\"message_stop\"}"));
        assertTrue(feed(WireCompletion.anthropic(), "message_start|{\"type\":\"message_start\"}")
                .contains("without message_stop"));
        assertNull(feed(WireCompletion.gemini(), "{\"candidates\":[{\"content\":{},\"finishReason\":\"STOP\"}]}"));
        assertTrue(feed(WireCompletion.gemini(), "{\"candidates\":[{\"content\":{}}]}").contains("finishReason"));
        assertNull(feed(WireCompletion.ollama(), "{\"message\":{\"content\":\"a\"},\"done\":false}", "{\"done\":true}"));
        assertTrue(feed(WireCompletion.ollama(), "{\"done\":false}").contains("\"done\": true"));
    }
}
