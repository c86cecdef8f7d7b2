package dev.yardstick.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks a base URL before any request is sent: a typo there should be an input error, not a run of failures. */
public final class BaseUrls {

    private static final String EXAMPLE = "expected e.g. http://127.0.0.1:8000/v1";

    private BaseUrls() {
    }

    /** What is wrong with {@code url}, or null when it is an http(s) URL with a host. */
    public static String problem(String url) {
        if (url == null || url.isBlank()) {
            return "is empty (" + EXAMPLE + ")";
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return "'" + url + "' is not a URL (" + e.getReason().toLowerCase(Locale.ROOT) + " at character "
                    + (e.getIndex() + 1) + "; " + EXAMPLE + ")";
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null) {
            return "'" + url + "' is not a URL: it has no http:// or https:// (" + EXAMPLE + ")";
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "'" + url + "' uses " + scheme + "://, not http:// or https:// (" + EXAMPLE + ")";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "'" + url + "' names no host (" + EXAMPLE + ")";
        }
        return null;
    }
}
