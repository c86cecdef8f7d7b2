package dev.yardstick.config;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * API keys: read only from the environment or a file, and remembered so that {@link #redact} can scrub them from
 * any text that leaves the process. A key is scrubbed whole and by its fragments: every run of {@value #FRAGMENT}
 * or more characters copied from it, so a server that echoes part of a key (a masked {@code sk-abcd****wxyz}, a
 * key split across two stream chunks, a truncated error body) gives none of it away.
 *
 * <p>Text is scrubbed twice on its way out: once where it enters (a sample's answer and ids, an error's message),
 * so no report, journal or later conversation turn ever holds a key; and again by {@link #redacting} on every
 * stream the process writes (stdout, stderr, {@code -o} files, the samples journal), so nothing forgotten at the
 * source can pass.
 */
public final class Secrets {

    /** The shortest fragment of a key that is scrubbed. */
    public static final int FRAGMENT = 8;
    /** What a scrubbed run of text is replaced with. */
    public static final String MASK = "***";

    /** Shorter values are not remembered: too short to be a credential, too common to mask in prose. */
    private static final int MIN_SECRET_LENGTH = 6;
    /** Header names whose values are credentials (scrubbed with their fragments); other values are scrubbed whole. */
    private static final Pattern CREDENTIAL_HEADER = Pattern.compile(
            "(?i).*(auth|key|token|secret|passw|cookie|session|signature|credential).*");
    private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)^(bearer|basic|token|apikey)\\s+");

    private static final Set<String> CREDENTIALS = new LinkedHashSet<>();
    private static final Set<String> WHOLE_VALUES = new LinkedHashSet<>();
    private static volatile Redactor redactor = Redactor.NONE;

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
                throw new InputException("cannot read API key file " + path + ": " + FileProblems.reason(e));
            }
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        remember(value.trim());
        return value.trim();
    }

    /** Remembers a credential: from now on it is scrubbed whole and by every fragment of {@value #FRAGMENT}+. */
    public static void remember(String secret) {
        if (secret != null && secret.strip().length() >= MIN_SECRET_LENGTH) {
            synchronized (CREDENTIALS) {
                if (CREDENTIALS.add(secret.strip())) {
                    redactor = Redactor.of(CREDENTIALS, WHOLE_VALUES);
                }
            }
        }
    }

    /**
     * Remembers a configured header's value. Under a credential's name ({@code Authorization}, {@code X-Api-Key},
     * anything naming a key, token, secret, password, cookie, session or signature) it is a credential, its auth
     * scheme ({@code Bearer }) left out. Any other value may still carry a token under a name we cannot know, so
     * it is scrubbed too, but only whole and only from {@value #FRAGMENT} characters: its fragments
     * ({@code https://} of a referrer, a date of a version header) and short values ({@code X-Team: search}) are
     * everyday text.
     */
    public static void rememberHeader(String name, String value) {
        if (value == null) {
            return;
        }
        if (name != null && CREDENTIAL_HEADER.matcher(name).matches()) {
            remember(AUTH_SCHEME.matcher(value.strip()).replaceFirst(""));
            return;
        }
        if (value.strip().length() >= FRAGMENT) {
            synchronized (CREDENTIALS) {
                if (WHOLE_VALUES.add(value.strip())) {
                    redactor = Redactor.of(CREDENTIALS, WHOLE_VALUES);
                }
            }
        }
    }

    /**
     * Forgets every remembered value. One invocation's secrets belong to it: a caller that runs several in one
     * process (the tests do) starts each afresh.
     */
    public static void forgetAll() {
        synchronized (CREDENTIALS) {
            CREDENTIALS.clear();
            WHOLE_VALUES.clear();
            redactor = Redactor.NONE;
        }
    }

    /**
     * The text with every remembered secret, and every fragment of {@value #FRAGMENT} or more characters of a
     * credential, replaced by {@value #MASK} (one mask per run of scrubbed characters). Linear in the text's length
     * whatever the number of secrets.
     */
    public static String redact(String text) {
        return redactor.redact(text);
    }

    /**
     * A writer that scrubs everything written through it before passing it on. It holds back an unfinished line
     * until its newline or a flush, so a secret written in two pieces is still seen whole; close or flush it.
     */
    public static Writer redacting(Writer out) {
        return new RedactingWriter(out);
    }
}
