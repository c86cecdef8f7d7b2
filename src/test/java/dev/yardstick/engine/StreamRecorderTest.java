package dev.yardstick.engine;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.yardstick.provider.ReadTime;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What one streamed response leaves behind: its text, its timestamps and gaps, and the first way it ended. */
class StreamRecorderTest {

    private static ChatResponse answer(String text) {
        return ChatResponse.builder().aiMessage(AiMessage.from(text)).build();
    }

    /** A handle that counts cancellations; {@code alreadyCancelled} models a stream that ended on its own. */
    private static final class Handle implements StreamingHandle {
        final AtomicInteger cancels = new AtomicInteger();
        final boolean alreadyCancelled;

        Handle(boolean alreadyCancelled) {
            this.alreadyCancelled = alreadyCancelled;
        }

        @Override
        public void cancel() {
            cancels.incrementAndGet();
        }

        @Override
        public boolean isCancelled() {
            return alreadyCancelled;
        }
    }

    @Test
    void everyGapBetweenContentChunksIsKeptHoweverMany() throws InterruptedException {
        StreamRecorder recorder = new StreamRecorder();
        int chunks = 40; // more than the initial room for gaps
        for (int i = 0; i < chunks; i++) {
            recorder.onPartialResponse("t" + i + " ");
        }
        recorder.onCompleteResponse(answer("ignored"));
        assertTrue(recorder.await(0));
        long[] gaps = recorder.gaps();
        assertEquals(chunks - 1, gaps.length);
        assertTrue(Arrays.stream(gaps).allMatch(g -> g >= 0));
        assertEquals(recorder.endAt() - recorder.firstContentAt(), Arrays.stream(gaps).sum());
        assertTrue(recorder.text().startsWith("t0 t1 t2 ") && recorder.text().endsWith("t39 "), recorder.text());
    }

    @Test
    void emptyChunksNeitherStartTheAnswerNorAddAGap() {
        StreamRecorder recorder = new StreamRecorder();
        recorder.onPartialResponse("");
        recorder.onPartialResponse((String) null);
        assertEquals(-1, recorder.firstContentAt());
        recorder.onPartialResponse("a");
        long first = recorder.firstContentAt();
        assertTrue(first > 0);
        recorder.onPartialResponse("");
        assertEquals(0, recorder.gaps().length);
        assertEquals(first, recorder.endAt(), "an empty chunk does not extend the answer");
        assertEquals("a", recorder.text());
    }

    @Test
    void withoutContentTheAnswerEndsAtItsCompletion() {
        StreamRecorder recorder = new StreamRecorder();
        long before = System.nanoTime();
        ChatResponse response = answer("");
        recorder.onCompleteResponse(response);
        assertTrue(recorder.finished());
        assertSame(response, recorder.response());
        assertTrue(recorder.endAt() >= before, "ends at the completion, not at -1");
        assertEquals(-1, recorder.firstContentAt());
    }

    @Test
    void nothingArrivingAfterTheEndChangesTheRecord() {
        StreamRecorder recorder = new StreamRecorder();
        recorder.onPartialResponse("a");
        IOException broken = new IOException("reset");
        recorder.onError(broken);
        recorder.onPartialResponse("b");
        recorder.onCompleteResponse(answer("ab"));
        recorder.onError(new IOException("later"));
        assertSame(broken, recorder.failure());
        assertNull(recorder.response());
        assertEquals("a", recorder.text());

        StreamRecorder completed = new StreamRecorder();
        ChatResponse response = answer("x");
        completed.onCompleteResponse(response);
        completed.onCompleteResponse(answer("y"));
        completed.onError(new IOException("late"));
        assertSame(response, completed.response());
        assertNull(completed.failure());
    }

    @Test
    void anAbortRecordsItsReasonFirstAndCancelsTheStreamOnce() {
        StreamRecorder recorder = new StreamRecorder();
        Handle handle = new Handle(false);
        recorder.onPartialResponse(new PartialResponse("a"), new PartialResponseContext(handle));
        CancellationException timeout = new CancellationException("timeout");
        recorder.abort(timeout);
        recorder.abort(new CancellationException("again"));
        recorder.onError(new IOException("interrupted read"));
        assertSame(timeout, recorder.failure());
        assertEquals(1, handle.cancels.get());
        assertEquals("a", recorder.text());
    }

    @Test
    void anAbortDoesNotCancelAStreamAlreadyCancelledOrEnded() {
        StreamRecorder cancelled = new StreamRecorder();
        Handle handle = new Handle(true);
        cancelled.onPartialResponse(new PartialResponse("a"), new PartialResponseContext(handle));
        cancelled.abort(new CancellationException("x"));
        assertEquals(0, handle.cancels.get());

        StreamRecorder ended = new StreamRecorder();
        Handle open = new Handle(false);
        ended.onPartialResponse(new PartialResponse("a"), new PartialResponseContext(open));
        ended.onCompleteResponse(answer("a"));
        ended.abort(new CancellationException("too late"));
        assertEquals(0, open.cancels.get());
        assertNull(ended.failure());
    }

    @Test
    void waitingForAnUnfinishedStreamTimesOut() throws InterruptedException {
        StreamRecorder recorder = new StreamRecorder();
        assertFalse(recorder.await(1_000_000));
        assertFalse(recorder.finished());
    }

    @Test
    void chunksTakeTheTimeTheirBytesWereReadOnThisThread() throws InterruptedException {
        long sent = System.nanoTime();
        StreamRecorder recorder = new StreamRecorder(sent);
        ReadTime.stamp(); // one read brought both chunks
        long afterRead = System.nanoTime();
        try {
            recorder.onPartialResponse("a");
            Thread.sleep(5); // the first one's handling
            recorder.onPartialResponse("b");
        } finally {
            ReadTime.clear();
        }
        assertTrue(recorder.firstTokenAt() - sent >= 0 && afterRead - recorder.firstTokenAt() >= 0);
        assertEquals(recorder.firstTokenAt(), recorder.endAt(), "the second came with the first");
        assertEquals(0, recorder.gaps()[0]);
    }

    @Test
    void aProviderThatStampsNothingIsTimedByTheClockEvenWhereAnEarlierRequestLeftAStamp()
            throws InterruptedException {
        ReadTime.stamp(); // the last read of an earlier request on this thread
        try {
            long sent = System.nanoTime();
            StreamRecorder recorder = new StreamRecorder(sent); // say the local model: no transport, no stamp
            recorder.onPartialResponse("a");
            Thread.sleep(5);
            recorder.onPartialResponse("b");
            assertTrue(recorder.firstTokenAt() - sent >= 0, "not the earlier request's read");
            assertTrue(recorder.gaps()[0] >= 5_000_000L, "each chunk when it was heard: " + recorder.gaps()[0]);
        } finally {
            ReadTime.clear();
        }
    }
}
