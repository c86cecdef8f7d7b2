package dev.yardstick.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.yardstick.provider.http.LeanHttpClient;
import dev.yardstick.provider.http.StreamEngines;
import dev.yardstick.provider.openai.OpenAiStreamingModel;
import dev.yardstick.testing.BurstSseServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A chunk is timed when its bytes were read, through the real OpenAI decoder over each of our engines: the server
 * writes two content chunks in one write, the handler takes its time over the first, and the second is still timed
 * at the read that brought it; the third comes in a later write and takes that read's time, never the first one's.
 */
class ChunkReadTimeTest {

    /** The handler's dawdling over the first chunk: a decoder that timed chunks as it went would add all of it. */
    private static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private static final List<List<String>> BURSTS = List.of(List.of("a", "b"), List.of("c"));

    /** The recorder behind a handler that takes its time over the first chunk. */
    private static final class SlowOverTheFirst implements StreamingChatResponseHandler {
        final StreamRecorder recorder;
        long firstHeardAt = -1;

        SlowOverTheFirst(long sentAt) {
            recorder = new StreamRecorder(sentAt);
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            boolean first = firstHeardAt < 0;
            if (first) {
                firstHeardAt = System.nanoTime();
            }
            recorder.onPartialResponse(partial, context);
            if (first) {
                dawdle();
            }
        }

        @Override
        public void onPartialResponse(String partial) {
            boolean first = firstHeardAt < 0;
            if (first) {
                firstHeardAt = System.nanoTime();
            }
            recorder.onPartialResponse(partial);
            if (first) {
                dawdle();
            }
        }

        private static void dawdle() {
            try {
                Thread.sleep(Duration.ofNanos(SLOW_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            recorder.onCompleteResponse(response);
        }

        @Override
        public void onError(Throwable error) {
            recorder.onError(error);
        }
    }

    /** One streamed answer: the recorder's chunk times (a, b, c) and when the handler first heard. */
    private record Run(long a, long b, long c, long firstHeardAt) {
    }

    private static Run stream(LeanHttpClient client, BurstSseServer server) throws InterruptedException {
        OpenAiStreamingModel model = new OpenAiStreamingModel(client, server.baseUrl(), "sk-burst", Map.of(),
                OpenAiStreamingModel.defaults("m", null, null), null, false);
        SlowOverTheFirst handler = new SlowOverTheFirst(System.nanoTime());
        model.chat(ChatRequest.builder().messages(UserMessage.from("hello")).build(), handler);
        assertTrue(handler.recorder.await(TimeUnit.SECONDS.toNanos(10)), "the answer ended");
        assertNull(handler.recorder.failure());
        assertEquals("abc", handler.recorder.text());
        long[] gaps = handler.recorder.gaps();
        assertEquals(2, gaps.length);
        long a = handler.recorder.firstTokenAt();
        return new Run(a, a + gaps[0], a + gaps[0] + gaps[1], handler.firstHeardAt);
    }

    /** Two answers, one after the other on one client and thread, each checked against its own writes. */
    private static void twoAnswersTimedAtTheirReads(LeanHttpClient client) throws Exception {
        try (BurstSseServer server = new BurstSseServer(BURSTS, Duration.ofMillis(50)); client) {
            for (int i = 0; i < 2; i++) {
                Run run = stream(client, server);
                List<Long> writes = server.writes();
                long firstWrite = writes.get(2 * i);
                long secondWrite = writes.get(2 * i + 1);
                assertTrue(run.a() - firstWrite >= 0, "the first chunk is not timed before it was written");
                assertTrue(run.firstHeardAt() - run.a() >= 0, "the first chunk is timed at its read, before the "
                        + "handler heard it: " + (run.a() - run.firstHeardAt()) + " ns after");
                assertTrue(run.firstHeardAt() - run.b() >= 0, "the second chunk, read with the first, is timed at "
                        + "that read, not after the handler's " + SLOW_NANOS / 1_000_000 + " ms over the first: "
                        + (run.b() - run.firstHeardAt()) / 1_000 + " µs after it was heard");
                assertTrue(run.c() - secondWrite >= 0, "the third chunk came in a later write and takes its own "
                        + "read's time, not the first read's: " + (secondWrite - run.c()) / 1_000 + " µs early");
            }
        }
    }

    @Test
    void overSocketsAChunkIsTimedAtTheReadThatBroughtIt() throws Exception {
        twoAnswersTimedAtTheirReads(StreamEngines.sockets());
    }

    @Test
    void onTheEventLoopAChunkIsTimedAtTheReadThatBroughtIt() throws Exception {
        twoAnswersTimedAtTheirReads(StreamEngines.loop());
    }

    /**
     * Helidon buffers what it reads, so a chunk is timed when the decoder took it from Helidon: never before it was
     * written, and never at an earlier read's time.
     */
    @Test
    void overHelidonAChunkIsNeverTimedBeforeItCame() throws Exception {
        try (BurstSseServer server = new BurstSseServer(BURSTS, Duration.ofMillis(50));
             LeanHttpClient client = StreamEngines.helidon()) {
            for (int i = 0; i < 2; i++) {
                Run run = stream(client, server);
                List<Long> writes = server.writes();
                assertTrue(run.a() - writes.get(2 * i) >= 0, "the first chunk is not timed before it was written");
                assertTrue(run.b() - run.a() >= 0, "chunks are timed in order");
                assertTrue(run.c() - writes.get(2 * i + 1) >= 0, "the third chunk takes its own read's time");
            }
        }
    }
}
