package dev.yardstick.provider.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.provider.openai.OpenAiStreamingModel;
import dev.yardstick.testing.Behavior;
import dev.yardstick.testing.LoopbackLlmServer;
import dev.yardstick.testing.Protocol;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Callers carried by the event loop ({@link LoopCarriers}): the threads a client offers for its loop-carried streams
 * run on the loop's own thread (a mounted virtual thread names its carrier), many of them stream at once through one
 * loop without stalling it, and a caller's interrupt and the read timeout still end its stream.
 */
class LoopCarriedCallersTest {

    private static LeanHttpClient client(boolean loop, Duration readTimeout) {
        return LeanHttpClient.builder().readTimeout(readTimeout)
                .transport((connect, read) -> new SchemeTransport(connect, read, loop)).build();
    }

    private static OpenAiStreamingModel model(LeanHttpClient client, LoopbackLlmServer server) {
        return new OpenAiStreamingModel(client, server.baseUrl(Protocol.OPENAI), "sk-loop", Map.of(),
                OpenAiStreamingModel.defaults("loopback-model", null, null), null, false);
    }

    /** Runs {@code task} on a thread of {@code threads} and returns what it saw of its own thread, mounted. */
    private static String mountedOn(ThreadFactory threads, Runnable task) throws InterruptedException {
        String[] seen = new String[1];
        Thread thread = threads.newThread(() -> {
            task.run();
            seen[0] = Thread.currentThread().toString(); // a virtual thread names its carrier while mounted
        });
        thread.start();
        assertTrue(thread.join(Duration.ofSeconds(20)), "the caller ended");
        return seen[0];
    }

    @Test
    void onlyPlainTextStreamsOverTheLoopOfferCallerThreads() {
        try (LeanHttpClient loop = client(true, Duration.ofSeconds(5));
             LeanHttpClient sockets = client(false, Duration.ofSeconds(5))) {
            assertNotNull(loop.callerThreads(URI.create("http://127.0.0.1:9/v1/chat/completions")));
            assertNull(loop.callerThreads(URI.create("https://api.example.com/v1/chat/completions")),
                    "https is read on the caller's own thread");
            assertNull(sockets.callerThreads(URI.create("http://127.0.0.1:9/v1/chat/completions")),
                    "streams on sockets are read on the caller's own thread");
        }
    }

    @Test
    void aCarriedCallerRunsOnTheLoopThreadAndItsAnswerIsDecodedThere() throws Exception {
        try (LoopbackLlmServer server = LoopbackLlmServer.start();
             LeanHttpClient client = client(true, Duration.ofSeconds(5))) {
            server.behavior(Behavior.DEFAULT.withTokens(5).withReportedUsage(3, 5));
            OpenAiStreamingModel model = model(client, server);
            Conversation[] conversation = new Conversation[1];
            String carrier = mountedOn(model.callerThreads(), () -> conversation[0] = Conversation.run(model, "hi"));
            assertTrue(carrier.contains("@yardstick-http-loop"), "carried by the loop: " + carrier);
            assertEquals(Behavior.DEFAULT.withTokens(5).text(), conversation[0].response().aiMessage().text());
            List<Thread> heard = conversation[0].callbackThreads;
            assertTrue(heard.subList(0, 5).stream().allMatch(t -> t.getName().startsWith("yardstick-http-loop")),
                    "every chunk decoded on the loop's thread: " + heard);
            assertTrue(heard.get(5).getName().startsWith("yardstick-request-loop"),
                    "the end heard by the caller, resumed on the loop: " + heard);
        }
    }

    @Test
    void manyCarriedCallersStreamAtOnceThroughOneLoop() throws Exception {
        try (LoopbackLlmServer server = LoopbackLlmServer.start();
             LeanHttpClient client = client(true, Duration.ofSeconds(5))) {
            server.behavior(Behavior.DEFAULT.withTokens(6).withTtft(Duration.ofMillis(5))
                    .withItl(Duration.ofMillis(1)));
            OpenAiStreamingModel model = model(client, server);
            ConcurrentLinkedQueue<String> texts = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            List<Thread> callers = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                Thread caller = model.callerThreads().newThread(() -> {
                    for (int r = 0; r < 4; r++) {
                        try {
                            texts.add(Conversation.run(model, "hi").response().aiMessage().text());
                        } catch (Exception e) {
                            failures.add(e);
                        }
                    }
                });
                caller.start();
                callers.add(caller);
            }
            for (Thread caller : callers) {
                assertTrue(caller.join(Duration.ofSeconds(60)), "every caller ended: the loop never stalled");
            }
            assertEquals(List.of(), List.copyOf(failures));
            assertEquals(48 * 4, texts.size());
            assertTrue(texts.stream().allMatch(Behavior.DEFAULT.withTokens(6).text()::equals), "whole answers");
        }
    }

    /** A test of a stream that never answers, over a loop client with {@code readTimeout}. */
    private interface Silent {
        void run(OpenAiStreamingModel model, LoopbackLlmServer server) throws Exception;
    }

    private static void againstASilentServer(Duration readTimeout, Silent test) throws Exception {
        try (LoopbackLlmServer server = LoopbackLlmServer.start();
             LeanHttpClient client = client(true, readTimeout)) {
            server.behavior(Behavior.DEFAULT.hanging());
            test.run(model(client, server), server);
        }
    }

    @Test
    void anInterruptEndsACarriedCallersStreamAndTheLoopGoesOn() throws Exception {
        againstASilentServer(Duration.ofSeconds(30), (model, server) -> {
            Conversation[] hung = new Conversation[1];
            Thread caller = model.callerThreads().newThread(() -> hung[0] = Conversation.run(model, "hi"));
            long start = System.nanoTime();
            caller.start();
            Thread.sleep(200);
            caller.interrupt();
            assertTrue(caller.join(Duration.ofSeconds(10)), "the interrupted caller ended");
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "long before the read timeout");
            Throwable error = hung[0].error();
            assertTrue(String.valueOf(error).toLowerCase().contains("interrupt"), String.valueOf(error));

            server.behavior(Behavior.DEFAULT.withTokens(3));
            Conversation[] next = new Conversation[1];
            mountedOn(model.callerThreads(), () -> next[0] = Conversation.run(model, "again"));
            assertEquals(Behavior.DEFAULT.withTokens(3).text(), next[0].response().aiMessage().text());
        });
    }

    @Test
    void theReadTimeoutEndsACarriedCallersSilentStream() throws Exception {
        againstASilentServer(Duration.ofMillis(300), (model, server) -> {
            Conversation[] silent = new Conversation[1];
            long start = System.nanoTime();
            mountedOn(model.callerThreads(), () -> silent[0] = Conversation.run(model, "hi"));
            long took = System.nanoTime() - start;
            Throwable error = silent[0].error();
            assertTrue(String.valueOf(error).toLowerCase().contains("timed out")
                    || String.valueOf(error).toLowerCase().contains("timeout"), String.valueOf(error));
            assertTrue(took >= TimeUnit.MILLISECONDS.toNanos(300), "not before the limit: " + took / 1_000_000 + " ms");
        });
    }
}
