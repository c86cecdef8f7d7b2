package dev.yardstick.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.yardstick.provider.http.LeanHttpClient;
import dev.yardstick.provider.openai.OpenAiStreamingModel;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives one client in this JVM: {@code inFlight} virtual threads, each sending the next streamed chat as soon as
 * its previous one ended (closed loop), through langchain4j's real {@link OpenAiStreamingChatModel}. Requests that
 * start after the warm-up and end before the deadline are counted; CPU is the process's own over that window.
 */
final class LoadWorker {

    private static final ChatRequest REQUEST = ChatRequest.builder()
            .messages(UserMessage.from("Count to twenty, please.")).build();

    private final Candidate candidate;
    private final Scenario scenario;
    private final String baseUrl;
    private final Duration warmup;
    private final Duration window;

    private final Recorder ttftError = new Recorder(3);
    private final Recorder e2eError = new Recorder(3);
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    LoadWorker(Candidate candidate, Scenario scenario, String baseUrl, Duration warmup, Duration window) {
        this.candidate = candidate;
        this.scenario = scenario;
        this.baseUrl = baseUrl;
        this.warmup = warmup;
        this.window = window;
    }

    RunResult run() throws InterruptedException {
        StreamingChatModel model = candidate.ownModel()
                ? new OpenAiStreamingModel((LeanHttpClient) candidate.builder().connectTimeout(Duration.ofSeconds(30))
                        .readTimeout(Duration.ofSeconds(30)).build(), baseUrl, "sk-shootout", Map.of(),
                        OpenAiStreamingModel.defaults("gpt-4o-mini", null, null), null, true)
                : OpenAiStreamingChatModel.builder()
                        .httpClientBuilder(candidate.builder())
                        .baseUrl(baseUrl)
                        .apiKey("sk-shootout")
                        .modelName("gpt-4o-mini")
                        .timeout(Duration.ofSeconds(30))
                        .build();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = System.nanoTime();
        long windowStart = start + warmup.toNanos();
        long deadline = windowStart + window.toNanos();
        List<Thread> threads = new ArrayList<>(scenario.inFlight());
        for (int i = 0; i < scenario.inFlight(); i++) {
            threads.add(Thread.ofVirtual().start(() -> loop(model, windowStart, deadline)));
        }
        sleepUntil(windowStart);
        long cpuAtStart = os.getProcessCpuTime();
        sleepUntil(deadline);
        long cpuAtEnd = os.getProcessCpuTime();
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(35));
        }
        Histogram ttft = ttftError.getIntervalHistogram();
        Histogram e2e = e2eError.getIntervalHistogram();
        return new RunResult(candidate.label(), completed.get(), errors.get(), window.toNanos() / 1e9,
                (cpuAtEnd - cpuAtStart) / 1e9, ttft.getValueAtPercentile(50), ttft.getValueAtPercentile(99),
                e2e.getValueAtPercentile(50), e2e.getValueAtPercentile(99));
    }

    private void loop(StreamingChatModel model, long windowStart, long deadline) {
        while (System.nanoTime() < deadline) {
            Probe probe = new Probe();
            model.chat(REQUEST, probe); // returns at the end for a synchronous client, at once for the JDK default
            try {
                probe.done.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (probe.start < windowStart || probe.end > deadline) {
                continue;
            }
            if (probe.error != null || probe.firstContent < 0) {
                errors.incrementAndGet();
                continue;
            }
            completed.incrementAndGet();
            ttftError.recordValue(excessMicros(probe.firstContent - probe.start, scenario.ttft()));
            e2eError.recordValue(excessMicros(probe.end - probe.start, scenario.injectedE2e()));
        }
    }

    private static long excessMicros(long observedNanos, Duration injected) {
        return Math.max(0, (observedNanos - injected.toNanos()) / 1_000);
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
    }

    /** Time stamps of one streamed chat, taken in the callbacks as a benchmark's recorder would. */
    private static final class Probe implements StreamingChatResponseHandler {
        final long start = System.nanoTime();
        final CountDownLatch done = new CountDownLatch(1);
        volatile long firstContent = -1;
        volatile long end;
        volatile Throwable error;

        @Override
        public void onPartialResponse(String partial) {
            if (firstContent < 0) {
                firstContent = System.nanoTime();
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            end = System.nanoTime();
            done.countDown();
        }

        @Override
        public void onError(Throwable failure) {
            end = System.nanoTime();
            error = failure;
            done.countDown();
        }
    }
}
