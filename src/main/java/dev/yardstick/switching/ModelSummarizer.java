package dev.yardstick.switching;

import dev.yardstick.config.Message;
import dev.yardstick.config.ModelParams;
import dev.yardstick.engine.Orchestrator;
import dev.yardstick.engine.PlannedRequest;
import dev.yardstick.engine.Sample;
import dev.yardstick.switching.window.Summarizer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** Asks a named model, through the orchestrator, to condense older turns into a summary. */
final class ModelSummarizer implements Summarizer {

    private static final String INSTRUCTION = "Condense the conversation below into a short summary of at most %d "
            + "words. Keep names, numbers, facts and decisions; leave out greetings.";

    private final Orchestrator orchestrator;
    private final String label;
    private final Duration timeout;
    private final AtomicLong sequence;

    ModelSummarizer(Orchestrator orchestrator, String label, Duration timeout, AtomicLong sequence) {
        this.orchestrator = orchestrator;
        this.label = label;
        this.timeout = timeout;
        this.sequence = sequence;
    }

    @Override
    public String summarize(List<Message> older, int maxTokens) {
        String transcript = older.stream().map(m -> m.role().wireName() + ": " + m.content())
                .collect(Collectors.joining("\n"));
        List<Message> messages = List.of(Message.system(String.format(INSTRUCTION, maxTokens)),
                Message.user(transcript));
        Sample sample = orchestrator.execute(new PlannedRequest(sequence.getAndIncrement(), label, "summary", 0,
                messages, new ModelParams(0.0, maxTokens, null, null, null), false), timeout);
        if (!sample.ok()) {
            throw new SummaryFailure("the summary by " + label + " failed: " + sample.error().errorClass().label()
                    + ", " + sample.error().message());
        }
        if (sample.text().isBlank()) {
            throw new SummaryFailure(label + " wrote an empty summary");
        }
        return sample.text();
    }
}
