package dev.yardstick.engine;

import dev.yardstick.config.Message;
import dev.yardstick.config.ModelParams;
import java.util.List;

/**
 * One request of a plan: which model (by label), which prompt, which repetition, the messages to send and the
 * generation parameters in force.
 */
public record PlannedRequest(long sequence, String model, String promptId, int repetition, List<Message> messages,
                             ModelParams params, boolean warmup) {

    public PlannedRequest {
        messages = List.copyOf(messages);
        params = params == null ? ModelParams.DEFAULTS : params;
    }
}
