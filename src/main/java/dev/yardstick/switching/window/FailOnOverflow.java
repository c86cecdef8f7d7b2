package dev.yardstick.switching.window;

/** Sends the whole history or nothing: an overflow fails the turn on that model (the strict CI gate). */
public record FailOnOverflow() implements WindowStrategy {

    @Override
    public String name() {
        return "fail";
    }

    @Override
    public String describe() {
        return "fail (an overflow fails the turn)";
    }

    @Override
    public Fitted fit(Fitting input) {
        throw new WindowOverflow("the history needs " + input.tokens(input.whole()) + " tokens but "
                + input.label() + "'s window leaves " + input.available() + " (window strategy fail)");
    }
}
