package dev.yardstick.eval;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.yardstick.config.FieldException;
import dev.yardstick.config.InputException;
import dev.yardstick.config.ModelSpec;
import dev.yardstick.provider.ModelClient;
import dev.yardstick.provider.OpenedModels;
import dev.yardstick.provider.ProviderRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Judge models opened through the same provider registry as the models under test, each once, on first use, and
 * closed with this. A judge answers one prompt at a time (an in-process model has one context), at temperature 0.
 */
public final class ModelJudges implements Judges, AutoCloseable {

    private final ProviderRegistry registry;
    private final String defaultModel;
    private final Duration timeout;
    private final Map<String, OpenedModels> opened = new HashMap<>();
    /** Every judge's spending, by model name, in the order first asked. */
    private final Map<String, Tally> tallies = new LinkedHashMap<>();

    /** @param defaultModel the judge of assertions that name none, null when there is none */
    public ModelJudges(ProviderRegistry registry, String defaultModel, Duration timeout) {
        this.registry = registry;
        this.defaultModel = defaultModel;
        this.timeout = timeout;
    }

    @Override
    public synchronized Judge judge(String model) {
        String name = model != null ? model : defaultModel;
        if (name == null) {
            return NONE.judge(null);
        }
        OpenedModels models = opened.get(name);
        if (models == null) {
            try {
                models = registry.open(List.of(ModelSpec.parse(name)));
            } catch (InputException | IllegalArgumentException e) {
                throw new FieldException("provider", "judge '" + name + "': " + e.getMessage());
            }
            opened.put(name, models);
        }
        ModelClient client = models.get(models.labels().get(0));
        Tally tally = tallies.computeIfAbsent(name, n -> new Tally());
        return prompt -> ask(client, prompt, tally);
    }

    @Override
    public synchronized List<JudgeUsage> usage() {
        return tallies.entrySet().stream().map(e -> e.getValue().usage(e.getKey())).toList();
    }

    private String ask(ModelClient client, String prompt, Tally tally) {
        ChatRequest request = ChatRequest.builder().messages(List.of(UserMessage.from(prompt))).temperature(0.0)
                .build();
        CompletableFuture<String> answer = new CompletableFuture<>();
        synchronized (client) {
            client.chatModel().chat(request, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partial) {
                    // the whole answer arrives with the complete response
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    String text = response.aiMessage() == null || response.aiMessage().text() == null ? ""
                            : response.aiMessage().text();
                    tally.answered(client, prompt, text, response.tokenUsage());
                    answer.complete(text);
                }

                @Override
                public void onError(Throwable error) {
                    tally.failed();
                    answer.completeExceptionally(error);
                }
            });
            try {
                return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                tally.failed();
                throw new IllegalStateException("the judge did not answer within " + timeout.toSeconds() + " s");
            } catch (ExecutionException e) {
                throw new IllegalStateException("the judge failed: " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the judge answered", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        opened.values().forEach(OpenedModels::close);
        opened.clear();
    }

    /**
     * One judge's spending. A judge's tokens are counted as a sample's are: the server's usage where it sent one, else
     * the judge's own tokenizer (or its estimate). A failed call is counted, but its tokens are not known.
     */
    private static final class Tally {
        private int calls;
        private int failures;
        private long input;
        private long output;
        private final Set<String> sources = new TreeSet<>();

        synchronized void answered(ModelClient client, String prompt, String text,
                                   dev.langchain4j.model.output.TokenUsage usage) {
            calls++;
            boolean reported = usage != null && usage.inputTokenCount() != null && usage.outputTokenCount() != null;
            if (reported) {
                input += usage.inputTokenCount();
                output += usage.outputTokenCount();
                sources.add("reported");
            } else {
                input += client.tokenCounter().count(prompt);
                output += client.tokenCounter().count(text);
                sources.add(client.tokenCounter().source().label());
            }
        }

        synchronized void failed() {
            calls++;
            failures++;
        }

        synchronized JudgeUsage usage(String model) {
            String source = sources.isEmpty() ? "none" : sources.size() == 1 ? sources.iterator().next() : "mixed";
            return new JudgeUsage(model, calls, failures, input, output, source);
        }
    }
}
