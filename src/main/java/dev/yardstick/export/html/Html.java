package dev.yardstick.export.html;

import dev.yardstick.export.ControlChars;

/**
 * Text from a report made safe for HTML. Everything a report holds may be untrusted (a model's answer, a server's
 * error message, a prompt file's case names): it is always escaped, never written raw, and control characters are
 * shown as {@code \x1b} the way every other output shows them.
 */
final class Html {

    private Html() {
    }

    /** Text for an element's content or a quoted attribute value. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        String shown = ControlChars.visible(value);
        StringBuilder out = new StringBuilder(shown.length() + 16);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An id or a fragment link made of letters, digits and dashes only. */
    static String slug(String value) {
        String slug = value.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "section" : slug;
    }
}
