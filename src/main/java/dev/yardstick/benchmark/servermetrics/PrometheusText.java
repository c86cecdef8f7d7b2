package dev.yardstick.benchmark.servermetrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4, and the sample lines OpenMetrics
 * shares with it): {@code name{label="value",...} value [timestamp]}, comments and {@code # HELP}/{@code # TYPE}
 * lines skipped. Written here because Maven Central has no maintained Java parser of the format: the Prometheus
 * Java client only writes it, and the one scraper library (org.hawkular / jmazzitelli prometheus-scraper) has not
 * been released since 2017 and pulls in protobuf. A line that is not a sample is an error naming its number: a
 * half-read exposition must not pass for a server's figures.
 */
final class PrometheusText {

    /** One sample line. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    /** The exposition is not the text format; {@code line} is 1-based. */
    static final class MalformedException extends Exception {
        MalformedException(int line, String problem) {
            super("line " + line + ": " + problem);
        }
    }

    private final String text;
    private final int lineNumber;
    private int pos;

    private PrometheusText(String line, int lineNumber) {
        this.text = line;
        this.lineNumber = lineNumber;
    }

    static List<Sample> parse(String exposition) throws MalformedException {
        List<Sample> samples = new ArrayList<>();
        String[] lines = exposition.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            samples.add(new PrometheusText(line, i + 1).sample());
        }
        return samples;
    }

    private Sample sample() throws MalformedException {
        String name = name();
        if (name.isEmpty()) {
            throw fail("expected a metric name");
        }
        Map<String, String> labels = Map.of();
        if (peek() == '{') {
            pos++;
            labels = labels();
        }
        if (pos >= text.length() || !Character.isWhitespace(text.charAt(pos))) {
            throw fail("expected a space before the value");
        }
        String[] rest = text.substring(pos).strip().split("\\s+");
        if (rest.length > 2) {
            throw fail("unexpected text after the value and timestamp");
        }
        return new Sample(name, labels, value(rest[0]));
    }

    private String name() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_' || c == ':') {
                pos++;
            } else {
                break;
            }
        }
        return text.substring(start, pos);
    }

    private Map<String, String> labels() throws MalformedException {
        Map<String, String> labels = new LinkedHashMap<>();
        while (true) {
            skipSpaces();
            if (peek() == '}') {
                pos++;
                return Collections.unmodifiableMap(labels);
            }
            String label = name();
            if (label.isEmpty()) {
                throw fail("expected a label name");
            }
            skipSpaces();
            expect('=');
            skipSpaces();
            expect('"');
            labels.put(label, quoted());
            skipSpaces();
            if (peek() == ',') {
                pos++;
            } else if (peek() != '}') {
                throw fail("expected ',' or '}' after label " + label);
            }
        }
    }

    /** A label value after its opening quote, with the format's three escapes. */
    private String quoted() throws MalformedException {
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\' && pos < text.length()) {
                char e = text.charAt(pos++);
                value.append(switch (e) {
                    case 'n' -> '\n';
                    case '\\' -> '\\';
                    case '"' -> '"';
                    default -> throw fail("unknown escape \\" + e);
                });
            } else {
                value.append(c);
            }
        }
        throw fail("unterminated label value");
    }

    private double value(String token) throws MalformedException {
        return switch (token) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(token);
                } catch (NumberFormatException e) {
                    throw fail("'" + token + "' is not a number");
                }
            }
        };
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private void expect(char c) throws MalformedException {
        if (peek() != c) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    private MalformedException fail(String problem) {
        return new MalformedException(lineNumber, problem + " in '" + text + "'");
    }
}
