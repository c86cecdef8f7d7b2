package dev.yardstick.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys: read only from the environment or a file, and remembered so that {@link #redact} can scrub them from
 * any text that leaves the process (error messages, reports, logs).
 */
public final class Secrets {

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    private static final int MIN_SECRET_LENGTH = 6;

    private Secrets() {
    }

    /** The key from the environment variable, else from the file; null when neither gives one. */
    public static String lookup(Map<String, String> env, String envVar, String file) {
        String value = envVar == null ? null : env.get(envVar);
        if ((value == null || value.isBlank()) && file != null && !file.isBlank()) {
            Path path = Path.of(file.startsWith("~/") ? System.getProperty("user.home") + file.substring(1) : file);
            try {
                value = Files.readString(path).trim();
            } catch (IOException e) {
                throw new InputException("cannot read API key file " + path + ": " + e.getClass().getSimpleName());
            }
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        remember(value.trim());
        return value.trim();
    }

    public static void remember(String secret) {
        if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
            KNOWN.add(secret);
        }
    }

    /** The text with every known secret replaced by {@code ***}. */
    public static String redact(String text) {
        if (text == null || KNOWN.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : KNOWN) {
            result = result.replace(secret, "***");
        }
        return result;
    }
}
