package dev.yardstick.benchmark.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.config.InputException;
import dev.yardstick.config.Message;
import dev.yardstick.config.Role;
import dev.yardstick.config.TextFiles;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a trace file in one of the {@link TraceFormat formats}, told by its content unless given. A mistake names the
 * file, the line and the field. Requests come out in the order of their times, the first at offset 0; a trace that
 * is not in time order (Azure's files are, Mooncake's are) is sorted, keeping the order of equal times.
 */
public final class TraceReader {

    /** {@code 2023-11-16 18:15:46.6805900}, {@code 2024-05-12 00:00:00.001163+00:00}, {@code ...T...Z}. */
    private static final Pattern AZURE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?\\s*(Z|[+-]\\d{2}:?\\d{2})?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TraceReader() {
    }

    /** The trace in {@code file}, its format told by its content; a trace whose format cannot be told has none. */
    public static Trace load(Path file) {
        String text = TextFiles.readText(file);
        TraceFormat format = TraceFormat.detect(firstLine(text));
        return format == null ? new Trace(file, null, List.of()) : parse(file, text, format);
    }

    /** The trace in {@code file} read as {@code format}. */
    public static Trace read(Path file, TraceFormat format) {
        return parse(file, TextFiles.readText(file), format);
    }

    static Trace parse(Path file, String text, TraceFormat format) {
        Lines lines = new Lines(file.toString(), text.split("\r?\n", -1));
        List<Timed> timed = switch (format) {
            case AZURE -> azure(lines);
            case MOONCAKE, YARDSTICK -> jsonLines(lines, format);
        };
        if (timed.isEmpty()) {
            throw InputException.inFile(file.toString(), 0, null, "the trace has no request");
        }
        timed.sort(Comparator.comparingLong(Timed::atNanos)); // stable: equal times keep their order
        long first = timed.getFirst().atNanos();
        return new Trace(file, format, timed.stream().map(t -> t.entry(first)).toList());
    }

    /** A request at its time as written (epoch or trace-relative), before the offsets are made relative. */
    private record Timed(long atNanos, int inputTokens, int outputTokens, List<Long> hashIds,
                         List<Message> messages) {
        TraceEntry entry(long first) {
            return new TraceEntry(atNanos - first, inputTokens, outputTokens, hashIds, messages);
        }
    }

    private record Lines(String file, String[] text) {
        InputException error(int index, String field, String problem) {
            return InputException.inFile(file, index + 1, field, problem);
        }
    }

    private static String firstLine(String text) {
        for (String line : text.split("\r?\n")) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return "";
    }

    private static List<Timed> azure(Lines lines) {
        List<Timed> out = new ArrayList<>();
        int[] columns = null; // TIMESTAMP, ContextTokens, GeneratedTokens
        for (int i = 0; i < lines.text().length; i++) {
            String line = lines.text()[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (columns == null) {
                columns = azureColumns(lines, i, cells);
                continue;
            }
            if (cells.length < 3) {
                throw lines.error(i, null, "expected 3 comma-separated values (TIMESTAMP,ContextTokens,"
                        + "GeneratedTokens), got " + cells.length);
            }
            long at = azureTime(lines, i, cells[columns[0]].strip());
            int in = tokens(lines, i, "ContextTokens", cells[columns[1]].strip());
            int out2 = tokens(lines, i, "GeneratedTokens", cells[columns[2]].strip());
            out.add(new Timed(at, in, out2, List.of(), List.of()));
        }
        return out;
    }

    private static int[] azureColumns(Lines lines, int i, String[] header) {
        String[] names = {"TIMESTAMP", "ContextTokens", "GeneratedTokens"};
        int[] columns = new int[names.length];
        for (int n = 0; n < names.length; n++) {
            columns[n] = -1;
            for (int c = 0; c < header.length; c++) {
                if (header[c].strip().equalsIgnoreCase(names[n])) {
                    columns[n] = c;
                }
            }
            if (columns[n] < 0) {
                throw lines.error(i, null, "the header has no column " + names[n] + " (an Azure trace's header is"
                        + " TIMESTAMP,ContextTokens,GeneratedTokens)");
            }
        }
        return columns;
    }

    /** Epoch nanoseconds; a time without a zone is read as UTC (only differences matter). */
    static long azureTime(Lines lines, int i, String text) {
        Matcher m = AZURE_TIME.matcher(text);
        if (!m.matches()) {
            throw lines.error(i, "TIMESTAMP", "malformed time '" + text + "' (expected e.g. 2023-11-16"
                    + " 18:15:46.6805900)");
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            LocalTime time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)));
            ZoneOffset zone = m.group(8) == null || m.group(8).equals("Z") ? ZoneOffset.UTC
                    : ZoneOffset.of(m.group(8).length() == 5 ? m.group(8).substring(0, 3) + ":"
                    + m.group(8).substring(3) : m.group(8));
            long seconds = date.atTime(time).toEpochSecond(zone);
            String fraction = m.group(7) == null ? "" : m.group(7);
            long nanos = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "000000000").substring(0, 9));
            return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw lines.error(i, "TIMESTAMP", "not a valid time '" + text + "'");
        }
    }

    private static List<Timed> jsonLines(Lines lines, TraceFormat format) {
        List<Timed> out = new ArrayList<>();
        for (int i = 0; i < lines.text().length; i++) {
            String line = lines.text()[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw lines.error(i, null, "not a JSON object: " + e.getOriginalMessage());
            }
            if (node == null || !node.isObject()) {
                throw lines.error(i, null, "expected one JSON object per line");
            }
            out.add(format == TraceFormat.MOONCAKE ? mooncake(lines, i, node) : yardstick(lines, i, node));
        }
        return out;
    }

    private static Timed mooncake(Lines lines, int i, JsonNode node) {
        long at = millis(lines, i, node, "timestamp");
        int in = tokens(lines, i, node, "input_length");
        int out = tokens(lines, i, node, "output_length");
        List<Long> ids = new ArrayList<>();
        JsonNode hashIds = node.get("hash_ids");
        if (hashIds != null && !hashIds.isNull()) {
            if (!hashIds.isArray()) {
                throw lines.error(i, "hash_ids", "expected a list of block ids");
            }
            for (JsonNode id : hashIds) {
                if (!id.canConvertToLong()) {
                    throw lines.error(i, "hash_ids", "expected whole numbers, got " + id);
                }
                ids.add(id.asLong());
            }
        }
        if ((long) ids.size() * TraceFormat.BLOCK_TOKENS - TraceFormat.BLOCK_TOKENS >= in && in > 0) {
            throw lines.error(i, "hash_ids", ids.size() + " blocks of " + TraceFormat.BLOCK_TOKENS + " tokens are more"
                    + " than input_length " + in + " needs");
        }
        return new Timed(at, in, out, ids, List.of());
    }

    private static Timed yardstick(Lines lines, int i, JsonNode node) {
        long at = millis(lines, i, node, "offset_ms");
        List<Message> messages = new ArrayList<>();
        JsonNode prompt = node.get("prompt");
        JsonNode list = node.get("messages");
        if (prompt != null && list != null) {
            throw lines.error(i, "prompt", "give either prompt or messages, not both");
        }
        if (prompt != null) {
            if (!prompt.isTextual()) {
                throw lines.error(i, "prompt", "expected text");
            }
            messages.add(Message.user(prompt.asText()));
        }
        if (list != null) {
            if (!list.isArray() || list.isEmpty()) {
                throw lines.error(i, "messages", "expected a list of {role, content}");
            }
            for (JsonNode m : list) {
                if (!m.path("role").isTextual() || !m.path("content").isTextual()) {
                    throw lines.error(i, "messages", "every message needs a role and a content (text)");
                }
                try {
                    messages.add(new Message(Role.parse(m.get("role").asText()), m.get("content").asText()));
                } catch (InputException e) {
                    throw lines.error(i, "messages", e.getMessage());
                }
            }
        }
        int in = messages.isEmpty() ? tokens(lines, i, node, "input_tokens")
                : node.has("input_tokens") ? tokens(lines, i, node, "input_tokens") : 0;
        int out = tokens(lines, i, node, "output_tokens");
        return new Timed(at, in, out, List.of(), messages);
    }

    private static long millis(Lines lines, int i, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber() || value.asDouble() < 0 || !Double.isFinite(value.asDouble())) {
            throw lines.error(i, field, "expected a time in milliseconds (a number, 0 or more)");
        }
        return Math.round(value.asDouble() * 1_000_000);
    }

    private static int tokens(Lines lines, int i, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || value.asInt() < 0) {
            throw lines.error(i, field, "expected a number of tokens (a whole number, 0 or more), got "
                    + (value == null ? "nothing" : value.toString()));
        }
        return value.asInt();
    }

    private static int tokens(Lines lines, int i, String field, String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw lines.error(i, field, "expected a number of tokens (a whole number, 0 or more), got '" + text + "'");
    }
}
