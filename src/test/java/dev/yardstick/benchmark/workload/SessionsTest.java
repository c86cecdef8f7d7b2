package dev.yardstick.benchmark.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.Message;
import dev.yardstick.config.Role;
import dev.yardstick.report.BenchmarkReport;
import dev.yardstick.report.WorkloadReport;
import dev.yardstick.testing.Behavior;
import dev.yardstick.testing.LoopbackLlmServer;
import dev.yardstick.testing.Protocol;
import dev.yardstick.testing.RecordedRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sessions carry their history byte for byte, turn by turn, and are reported per turn and per session. */
class SessionsTest {

    /** An answer no two requests share, with what a careless round trip would mangle: quotes, newlines, non-ASCII. */
    private static String answer(long index) {
        return "Answer #" + index + ": \"Ünïcödé\" \\ line\n\ttab ✓ " + "x".repeat((int) (index % 7));
    }

    @Test
    void everyTurnCarriesTheEarlierQuestionsAndTheAnswersAsTheyArrived() {
        try (LoopbackLlmServer server = LoopbackLlmServer.start()) {
            server.script(index -> Behavior.DEFAULT.withReply(answer(index)));
            BenchmarkReport report = WorkloadRuns.run(Map.of("models", "openai/chat", "base-url",
                    server.baseUrl(Protocol.OPENAI), "sessions", 5, "turns", 4, "concurrency", 2, "think-time", "20ms",
                    "input-tokens", 12, "output-tokens", 50));

            List<RecordedRequest> requests = server.requests(Protocol.OPENAI);
            assertEquals(20, requests.size(), "5 sessions × 4 turns");
            // What each request was answered, by its messages: a later turn must carry exactly that answer.
            Map<List<Message>, String> answered = new HashMap<>();
            requests.forEach(r -> answered.put(r.messages(), answer(r.index())));
            int laterTurns = 0;
            for (RecordedRequest r : requests) {
                List<Message> messages = r.messages();
                assertEquals(Role.USER, messages.getLast().role());
                int turn = messages.size() / 2; // user, (assistant, user)×turn
                assertEquals(2 * turn + 1, messages.size(), "alternating turns: " + messages);
                if (turn == 0) {
                    continue;
                }
                laterTurns++;
                List<Message> previous = messages.subList(0, messages.size() - 2);
                String expected = answered.get(previous);
                assertTrue(expected != null, "the previous turn was sent as this turn's history: " + previous);
                assertEquals(expected, messages.get(messages.size() - 2).content(),
                        "the previous answer is carried byte for byte");
            }
            assertEquals(15, laterTurns);

            WorkloadReport.Sessions sessions = report.workloads().getFirst().sessions();
            assertEquals(5, sessions.started());
            assertEquals(5, sessions.completed());
            assertEquals(20, sessions.turnsCompleted());
            assertEquals(4, sessions.turns().size());
            for (int t = 1; t < 4; t++) {
                assertTrue(sessions.turns().get(t).meanInputTokens() > sessions.turns().get(t - 1).meanInputTokens(),
                        "the prompt grows with the history: " + sessions.turns());
                assertEquals(5, sessions.turns().get(t).ttft().count());
            }
            // Three think times of 20 ms at least in every session's duration.
            assertTrue(sessions.duration().p50Ms() >= 60, "session duration " + sessions.duration());
        }
    }

    @Test
    void anOpenLoopSchedulesEachTurnItsThinkTimeAfterThePreviousAnswer() {
        try (LoopbackLlmServer server = LoopbackLlmServer.start()) {
            server.script(index -> index % 3 == 2 ? Behavior.DEFAULT.failing(500)
                    : Behavior.DEFAULT.withReply(answer(index)));
            BenchmarkReport report = WorkloadRuns.run(Map.of("models", "openai/chat", "base-url",
                    server.baseUrl(Protocol.OPENAI), "sessions", 4, "turns", 3, "rate", 20, "think-time", "30ms",
                    "input-tokens", 8));
            WorkloadReport.Sessions sessions = report.workloads().getFirst().sessions();
            assertEquals(4, sessions.started());
            long failed = sessions.turns().stream().mapToLong(WorkloadReport.Turn::failed).sum();
            assertTrue(failed > 0, "a failed turn ends its session: " + sessions);
            assertEquals(sessions.turnsCompleted() + failed, server.requests(Protocol.OPENAI).size(),
                    "no turn after a failed one");
            assertTrue(sessions.completed() < 4);
            if (sessions.completed() > 0) { // two think times of 30 ms after the answers, in every completed one
                assertTrue(sessions.duration().p50Ms() >= 60, "session duration " + sessions.duration());
            }
            assertEquals("rate=20/s", report.steps().getFirst().load());
        }
    }
}
