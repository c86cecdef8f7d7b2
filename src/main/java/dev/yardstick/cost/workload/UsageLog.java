package dev.yardstick.cost.workload;

import dev.yardstick.config.InputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A real workload from a CSV log with one row per request: input, output and optionally cached and cache-write
 * tokens and a timestamp. Its requests become a scenario's token profile (identical requests merged into one
 * weighted bucket), its cached columns the cache shares, and its timestamps, when present, the request rate.
 */
public final class UsageLog implements ObservedUsage {

    private final String name;
    private final List<Request> requests;
    private final boolean cacheColumns;
    private final boolean writeColumn;

    /** One logged request, its input counting every prompt token (cached ones included). */
    public record Request(long prompt, long cached, long cacheWrite, long output, Instant time) {
    }

    private UsageLog(String name, List<Request> requests, boolean cacheColumns, boolean writeColumn) {
        this.name = name;
        this.requests = List.copyOf(requests);
        this.cacheColumns = cacheColumns;
        this.writeColumn = writeColumn;
    }

    public static UsageLog read(Path file, UsageColumns columns) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (Reader reader = Files.newBufferedReader(file); CSVParser csv = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = csv.getHeaderMap();
            String where = file.toString();
            String input = required(header, columns.input(), "--input-column", where);
            String output = required(header, columns.output(), "--output-column", where);
            String cached = optional(header, columns.cached(), UsageColumns.DEFAULT_CACHED, "--cached-column", where);
            String write = optional(header, columns.cacheWrite(), UsageColumns.DEFAULT_CACHE_WRITE,
                    "--cache-write-column", where);
            String time = optional(header, columns.timestamp(), UsageColumns.DEFAULT_TIMESTAMP,
                    "--timestamp-column", where);
            List<Request> requests = new ArrayList<>();
            for (CSVRecord record : csv) {
                int line = (int) csv.getCurrentLineNumber();
                long in = count(record, input, where, line);
                long read = cached == null ? 0 : count(record, cached, where, line);
                long written = write == null ? 0 : count(record, write, where, line);
                long prompt = columns.cachedIncludedInInput() ? in : in + read + written;
                if (read + written > prompt) {
                    throw InputException.inFile(where, line, cached, "cached and cache-write tokens (" + (read
                            + written) + ") exceed the input (" + in + "); if the input column excludes them, "
                            + "say so with --cached-separate");
                }
                requests.add(new Request(prompt, read, written, count(record, output, where, line),
                        time == null ? null : instant(record.get(time), where, line, time)));
            }
            if (requests.isEmpty()) {
                throw InputException.inFile(where, 0, null, "the usage log has no requests");
            }
            return new UsageLog(file.getFileName().toString(), requests, cached != null || write != null,
                    write != null);
        } catch (NoSuchFileException e) {
            throw new InputException("file not found: " + file);
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw InputException.inFile(file.toString(), 0, null, "not a readable CSV: " + e.getMessage());
        }
    }

    /**
     * The scenario with this log's requests as its tokens, and the log's cache shares where it recorded cached
     * tokens: a production log's cache hits are the truth the scenario's assumption stands in for. Without a
     * cache-write column the writes stay implied (a log from a provider with automatic caching records none, but
     * the same reads on a provider with explicit caching need writes).
     */
    @Override
    public Scenario applyTo(Scenario scenario) {
        Scenario observed = scenario.withWorkload(workload());
        if (!cacheColumns) {
            return observed;
        }
        Shares assumed = scenario.shares();
        return observed.withShares(new Shares(cacheShare(), writeColumn ? Double.valueOf(cacheWriteShare()) : assumed.cacheWrite(),
                assumed.batch(), assumed.writesPerRead()));
    }

    @Override
    public String name() {
        return name;
    }

    public List<Request> requests() {
        return requests;
    }

    public boolean hasCacheColumns() {
        return cacheColumns;
    }

    /** The logged requests as a workload: the same tokens whichever model serves them. */
    @Override
    public Workload workload() {
        return new Workload.Fixed(profile());
    }

    /** The requests as a token profile: one bucket per distinct (input, output) pair, weighted by its count. */
    public TokenProfile profile() {
        Map<List<Long>, Integer> counts = new LinkedHashMap<>();
        for (Request r : requests) {
            counts.merge(List.of(r.prompt(), r.output()), 1, Integer::sum);
        }
        List<TokenBucket> buckets = counts.entrySet().stream()
                .map(e -> new TokenBucket((double) e.getKey().get(0), (double) e.getKey().get(1),
                        (double) e.getValue()))
                .toList();
        return new TokenProfile(buckets, "observed (" + name + ", " + requests.size() + " requests)", false);
    }

    /** Cached tokens as a share of all input tokens. */
    public double cacheShare() {
        return share(Request::cached);
    }

    public double cacheWriteShare() {
        return share(Request::cacheWrite);
    }

    /** Requests a day over the span the timestamps cover (at least one day), when the log has timestamps. */
    @Override
    public Optional<Double> requestsPerDay() {
        if (requests.stream().anyMatch(r -> r.time() == null)) {
            return Optional.empty();
        }
        Instant first = requests.stream().map(Request::time).min(Instant::compareTo).orElseThrow();
        Instant last = requests.stream().map(Request::time).max(Instant::compareTo).orElseThrow();
        double days = Math.max(1.0, Duration.between(first, last).toSeconds() / 86_400.0);
        return Optional.of(requests.size() / days);
    }

    private double share(java.util.function.ToLongFunction<Request> part) {
        double prompt = requests.stream().mapToLong(Request::prompt).sum();
        return prompt == 0 ? 0 : requests.stream().mapToLong(part).sum() / prompt;
    }

    private static String required(Map<String, Integer> header, String column, String flag, String where) {
        if (!header.containsKey(column)) {
            throw InputException.inFile(where, 1, column, "no such column (columns: " + String.join(", ",
                    header.keySet()) + "); name the right one with " + flag);
        }
        return column;
    }

    private static String optional(Map<String, Integer> header, String named, String fallback, String flag,
                                   String where) {
        if (named != null) {
            return required(header, named, flag, where);
        }
        return header.containsKey(fallback) ? fallback : null;
    }

    private static long count(CSVRecord record, String column, String where, int line) {
        String text = record.isMapped(column) && record.isSet(column) ? record.get(column).trim() : "";
        if (text.isEmpty()) {
            throw InputException.inFile(where, line, column, "empty (a token count is needed)");
        }
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                throw InputException.inFile(where, line, column, "token counts must not be negative, got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw InputException.inFile(where, line, column, "not a whole number of tokens: '" + text + "'");
        }
    }

    /** ISO-8601 with or without a zone (UTC assumed), or seconds since the epoch. */
    private static Instant instant(String text, String where, int line, String column) {
        String value = text.trim();
        try {
            if (value.matches("\\d+(\\.\\d+)?")) {
                return Instant.ofEpochMilli(Math.round(Double.parseDouble(value) * 1000));
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw InputException.inFile(where, line, column, "not a timestamp: '" + value
                    + "' (expected ISO-8601 like 2026-07-01T12:00:00Z, or epoch seconds)");
        }
    }
}
