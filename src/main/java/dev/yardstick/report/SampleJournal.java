package dev.yardstick.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Appends each sample to a JSONL file the moment it arrives and flushes it, so a crash or Ctrl-C loses nothing
 * that completed. Thread-safe. A line is any record the mapper writes: a {@link SampleRecord}, or one wrapped with
 * its context (a benchmark's step).
 */
public final class SampleJournal implements AutoCloseable {

    private final BufferedWriter writer;
    private final ObjectMapper json;

    public SampleJournal(Path file, ObjectMapper json) {
        this.json = json;
        try {
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new dev.yardstick.config.InputException("cannot write samples to " + file + ": "
                    + dev.yardstick.config.FileProblems.reason(e));
        }
    }

    public synchronized void append(Object record) {
        try {
            writer.write(json.writeValueAsString(record));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the samples file", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the samples file", e);
        }
    }
}
