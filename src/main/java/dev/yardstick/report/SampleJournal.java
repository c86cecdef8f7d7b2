package dev.yardstick.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.yardstick.config.InputException;
import dev.yardstick.config.Secrets;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Appends each sample to a JSONL file the moment it arrives, scrubbed of secrets, one write per whole line, so a
 * crash, Ctrl-C or a second signal loses nothing that completed and never leaves half a line. Thread-safe. A line is any record the
 * mapper writes: a {@link SampleRecord}, or one wrapped with its context (a benchmark's step).
 *
 * <p>A write that fails (a full disk, a device that refuses data) does not stop the run: the journal cuts off any
 * partial line it left, reports the failure once to its listener, and writes nothing more. A plain
 * {@link FileOutputStream}, not a {@code FileChannel}: the requests' threads are interrupted when a run is cancelled,
 * and an interrupt closes a channel for good.
 */
public final class SampleJournal implements AutoCloseable {

    private final Path file;
    private final FileOutputStream out;
    private final ObjectMapper json;
    private final Consumer<WriteFailure> onFailure;
    private long written;
    private WriteFailure failure;

    /**
     * @param onFailure told once, on the first write that fails
     * @throws InputException when the file cannot be opened (before the run starts: a usage error)
     */
    public SampleJournal(Path file, ObjectMapper json, Consumer<WriteFailure> onFailure) {
        this.file = file;
        this.json = json;
        this.onFailure = onFailure;
        try {
            this.out = new FileOutputStream(file.toFile());
        } catch (IOException e) {
            throw new InputException(WriteFailure.of(file, e).line());
        }
    }

    public synchronized void append(Object record) {
        if (failure != null) {
            return;
        }
        byte[] line = line(record);
        try {
            out.write(line);
            written += line.length;
        } catch (IOException e) {
            fail(e);
        }
    }

    private byte[] line(Object record) {
        try {
            byte[] body = Secrets.redact(json.writeValueAsString(record)).getBytes(StandardCharsets.UTF_8);
            byte[] line = java.util.Arrays.copyOf(body, body.length + 1);
            line[body.length] = '\n';
            return line;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a sample could not be serialised", e);
        }
    }

    private void fail(IOException e) {
        failure = WriteFailure.of(file, e);
        if (Files.isRegularFile(file)) {
            try {
                out.getChannel().truncate(written); // a partial last line would not parse
            } catch (IOException ignored) {
                // the reported failure stands; what was written before it is still whole lines
            }
        }
        onFailure.accept(failure);
    }

    /** The first write that failed, if any. */
    public synchronized Optional<WriteFailure> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            if (failure == null) {
                fail(e);
            }
        }
    }
}
