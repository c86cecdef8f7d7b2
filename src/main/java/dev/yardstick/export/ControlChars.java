package dev.yardstick.export;

/**
 * Makes control characters visible, so a model's answer or a server's error body cannot drive the terminal it is
 * shown on (set its title, clear the screen, move the cursor, overwrite a line with a carriage return). A control
 * character becomes its escape as text: {@code \r}, {@code \t}, {@code \n}, {@code \x1b} for the other C0 codes
 * and DEL, {@code \u009b} for C1 codes. Which of tab and line feed stay as they are depends on the format; a
 * CRLF line end stays a line end wherever line feeds do.
 */
public final class ControlChars {

    private ControlChars() {
    }

    /** Text that keeps its lines and tabs (Markdown, stderr messages). */
    public static String visible(String text) {
        return escape(text, true, true, false);
    }

    /** Text for one line of a terminal (the live status line): every control character shown. */
    public static String visibleLine(String text) {
        return escape(text, false, false, false);
    }

    /** CSV cells: line breaks and tabs are data that CSV quotes faithfully; the other controls are shown. */
    public static String forCsv(String text) {
        return escape(text, true, true, true);
    }

    private static String escape(String text, boolean keepNewline, boolean keepTab, boolean keepReturn) {
        if (text == null || !hasControl(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean crlf = c == '\r' && keepNewline && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (!isControl(c) || c == '\n' && keepNewline || c == '\t' && keepTab || c == '\r' && keepReturn) {
                out.append(c);
            } else if (!crlf) {
                out.append(shown(c));
            }
        }
        return out.toString();
    }

    private static String shown(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c < 0x80 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
        };
    }

    static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f;
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
