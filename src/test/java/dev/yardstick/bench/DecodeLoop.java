package dev.yardstick.bench;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.yardstick.provider.http.HttpTransport;
import dev.yardstick.provider.http.LeanHttpClient;
import dev.yardstick.provider.openai.OpenAiStreamingModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The client's CPU per answer without a socket: Yardstick's OpenAI model over {@link LeanHttpClient}, on a transport
 * that hands back the bytes bench/fast-server.js sends for one answer (a role chunk, N content chunks, a finish
 * chunk, a usage chunk, {@code [DONE]}), one SSE event per read as the chunked body arrives. What it times is the
 * request writing, the body's limits, SSE framing, the JSON reading, the completion rule and the handler calls: the
 * parse path of every request, apart from the socket's system calls and the engine.
 *
 * <pre>
 * java -cp target/yardstick.jar:target/test-classes dev.yardstick.bench.DecodeLoop [answers] [rounds] [tokens] [ids]
 * </pre>
 *
 * Prints the thread's CPU µs and allocated bytes per answer for each round (the first rounds are the JIT's). With
 * {@code ids} set to {@code per-chunk}, every chunk carries an id of its own: no chunk then begins as the one before,
 * so this times a server that changes its leading fields in every chunk (each chunk read whole, its prefix learnt in
 * vain).
 */
public final class DecodeLoop {

    private DecodeLoop() {
    }

    public static void main(String[] args) {
        int answers = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int tokens = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        boolean idPerChunk = args.length > 3 && args[3].equals("per-chunk");
        List<byte[]> events = answer(tokens, idPerChunk);
        HttpTransport transport = new Replay(events);
        try (LeanHttpClient client = LeanHttpClient.builder().transport((connect, read) -> transport).build()) {
            OpenAiStreamingModel model = new OpenAiStreamingModel(client, "http://127.0.0.1:1/v1", "sk-loopback",
                    Map.of(), OpenAiStreamingModel.defaults("loopback-model", null, null), null, false);
            ChatRequest request = ChatRequest.builder()
                    .messages(UserMessage.from("one two three four five six seven eight nine ten eleven twelve"))
                    .build();
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            com.sun.management.ThreadMXBean heap = (com.sun.management.ThreadMXBean) cpu;
            for (int round = 0; round < rounds; round++) {
                Counted heard = new Counted();
                long allocatedBefore = heap.getCurrentThreadAllocatedBytes();
                long from = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < answers; i++) {
                    model.chat(request, heard);
                }
                long spent = cpu.getCurrentThreadCpuTime() - from;
                long allocated = heap.getCurrentThreadAllocatedBytes() - allocatedBefore;
                if (heard.completed != answers || heard.partials != (long) answers * tokens || heard.failed != 0) {
                    throw new IllegalStateException("answers " + heard.completed + ", partials " + heard.partials
                            + ", failed " + heard.failed);
                }
                System.out.printf("round %d: %.2f µs CPU and %,d bytes allocated per answer (%d answers, %d events"
                        + " each)%n", round, spent / 1000.0 / answers, allocated / answers, answers, events.size());
            }
        }
    }

    /** The frames bench/fast-server.js writes for one answer, each one event; its id, or one id per chunk. */
    static List<byte[]> answer(int tokens, boolean idPerChunk) {
        String head = "{\"id\":\"chatcmpl-fast%s\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"fast-model\",\"system_fingerprint\":null,\"choices\":";
        String[] words = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"};
        List<String> chunks = new java.util.ArrayList<>();
        chunks.add(choice("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null"));
        for (int i = 0; i < tokens; i++) {
            chunks.add(choice("{\"content\":\"" + (i == 0 ? "" : " ") + words[i % words.length] + "\"}", "null"));
        }
        chunks.add(choice("{}", "\"stop\""));
        chunks.add("[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":" + tokens + ",\"total_tokens\":"
                + (12 + tokens) + ",\"prompt_tokens_details\":{\"cached_tokens\":0},"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":0}}");
        List<String> frames = new java.util.ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            frames.add("data: " + head.formatted(idPerChunk ? "-" + i : "") + chunks.get(i) + "}\n\n");
        }
        frames.add("data: [DONE]\n\n");
        return frames.stream().map(f -> f.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static String choice(String delta, String finish) {
        return "[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finish + "}]";
    }

    /** Every send answers with the same events, one per read. */
    private static final class Replay implements HttpTransport {

        private final List<byte[]> events;
        private final Map<String, List<String>> headers = Map.of("content-type", List.of("text/event-stream"));

        Replay(List<byte[]> events) {
            this.events = events;
        }

        @Override
        public Exchange send(Request request) {
            return new StreamingExchange(200, headers) {
                private int next;
                private int at;

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    if (next == events.size()) {
                        return -1;
                    }
                    byte[] event = events.get(next);
                    int n = Math.min(length, event.length - at);
                    System.arraycopy(event, at, buffer, offset, n);
                    at += n;
                    if (at == event.length) {
                        next++;
                        at = 0;
                    }
                    return n;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
        }
    }

    /** Counts what a handler hears, so that a loop that decoded nothing cannot pass for a fast one. */
    private static final class Counted implements StreamingChatResponseHandler {
        long partials;
        long completed;
        long failed;

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            partials += partial.text().isEmpty() ? 0 : 1;
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            completed += response.finishReason() != null ? 1 : 0;
        }

        @Override
        public void onError(Throwable error) {
            failed++;
        }
    }
}
