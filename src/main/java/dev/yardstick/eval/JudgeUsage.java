package dev.yardstick.eval;

/**
 * What one judge model spent grading a run: its calls (and how many failed), and the tokens of its prompts and
 * replies, the server's usage where it sent one, else counted with the judge's tokenizer ({@code tokenSource} says
 * which: reported, counted, estimated, or mixed).
 */
public record JudgeUsage(String model, int calls, int failures, long inputTokens, long outputTokens,
                         String tokenSource) {
}
