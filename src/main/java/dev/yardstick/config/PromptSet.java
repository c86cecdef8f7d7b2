package dev.yardstick.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A named list of prompts to run against every model. {@code dir} is the folder of the file it was read from
 * (where its assertions' scripts run), null for a prompt given on the command line. {@code judge} is the judge model
 * the file names for graded assertions that name none (promptfoo's {@code defaultTest.options.provider}), null when
 * it names none.
 */
public record PromptSet(String name, String description, List<PromptCase> prompts, Path dir, String judge) {

    public PromptSet {
        prompts = List.copyOf(prompts);
    }

    public PromptSet(String name, String description, List<PromptCase> prompts, Path dir) {
        this(name, description, prompts, dir, null);
    }

    public PromptSet(String name, String description, List<PromptCase> prompts) {
        this(name, description, prompts, null);
    }

    /** A set of one prompt typed on the command line or piped on stdin. */
    public static PromptSet single(String id, List<Message> messages) {
        return new PromptSet("inline", null, List.of(new PromptCase(id, messages, null)));
    }

    /** The same set with other cases (a system prompt replaced, say). */
    public PromptSet withPrompts(List<PromptCase> cases) {
        return new PromptSet(name, description, cases, dir, judge);
    }
}
