package dev.yardstick.config;

import java.util.List;

/** A named list of prompts to run against every model. */
public record PromptSet(String name, String description, List<PromptCase> prompts) {

    public PromptSet {
        prompts = List.copyOf(prompts);
    }

    /** A set of one prompt typed on the command line or piped on stdin. */
    public static PromptSet single(String id, List<Message> messages) {
        return new PromptSet("inline", null, List.of(new PromptCase(id, messages, null)));
    }
}
