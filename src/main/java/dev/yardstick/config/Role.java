package dev.yardstick.config;

import java.util.Locale;

/** Who speaks a message in a conversation. */
public enum Role {
    SYSTEM, USER, ASSISTANT;

    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException("unknown role '" + text + "' (expected system, user or assistant)");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
