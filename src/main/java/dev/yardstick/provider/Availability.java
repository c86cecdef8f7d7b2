package dev.yardstick.provider;

/** Whether a provider can be used here, and why not. */
public record Availability(boolean usable, String reason) {

    public static Availability ok(String reason) {
        return new Availability(true, reason);
    }

    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
