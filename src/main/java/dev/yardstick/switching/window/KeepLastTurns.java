package dev.yardstick.switching.window;

/**
 * On overflow, keeps the system prompt and the last {@code turns} earlier turns and drops all older ones; when even
 * those do not fit, the turn fails on that model rather than losing more than the script allows.
 */
public record KeepLastTurns(int turns) implements WindowStrategy {

    @Override
    public String name() {
        return "keep-last-n";
    }

    @Override
    public String describe() {
        return "keep-last-n (" + turns + " earlier turn" + (turns == 1 ? "" : "s") + ")";
    }

    @Override
    public Fitted fit(Fitting input) {
        int n = input.exchanges().size();
        boolean[] gone = new boolean[n];
        for (int i = 0; i < n - turns; i++) {
            gone[i] = true;
        }
        var parts = input.assemble(Fitting.kept(input.remaining(gone)));
        int tokens = input.tokens(parts);
        if (tokens > input.available()) {
            throw new WindowOverflow("keep-last-n: the last " + Math.min(turns, n) + " turns with the system prompt "
                    + "and the new message need " + tokens + " tokens but " + input.label() + "'s window leaves "
                    + input.available());
        }
        int dropped = Math.max(0, n - turns);
        return input.result(name(), parts, input.idsOf(gone), java.util.List.of(), dropped == 0 ? ""
                : "kept the last " + Math.min(turns, n) + ", dropped " + dropped + " " + input.turnsOf(gone));
    }
}
