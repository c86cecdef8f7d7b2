package dev.yardstick.cli;

import java.util.Map;

/**
 * What the process knows about where its output goes: whether stderr is an interactive terminal (progress lines
 * only then), whether colour is allowed (NO_COLOR, --no-color, not a terminal), and the terminal's width.
 */
public record Terminal(boolean interactive, boolean color, int width) {

    private static final int DEFAULT_WIDTH = 120;

    public static Terminal detect(Map<String, String> env, boolean noColorFlag) {
        boolean interactive = System.console() != null && !"true".equalsIgnoreCase(env.get("CI"));
        boolean color = interactive && !noColorFlag && env.get("NO_COLOR") == null && !"dumb".equals(env.get("TERM"));
        return new Terminal(interactive, color, width(env, interactive));
    }

    private static int width(Map<String, String> env, boolean interactive) {
        String columns = env.get("COLUMNS");
        if (columns != null && columns.matches("\\d{2,4}")) {
            return Integer.parseInt(columns);
        }
        if (interactive) {
            try (org.jline.terminal.Terminal t = org.jline.terminal.TerminalBuilder.builder().system(true)
                    .dumb(true).streams(System.in, System.err).build()) {
                if (t.getWidth() > 0) {
                    return t.getWidth();
                }
            } catch (Exception | Error ignored) {
                // No usable terminal: fall back to a width that suits most.
            }
        }
        return DEFAULT_WIDTH;
    }
}
