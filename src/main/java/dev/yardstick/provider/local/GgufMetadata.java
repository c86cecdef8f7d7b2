package dev.yardstick.provider.local;

import dev.yardstick.config.FileProblems;
import dev.yardstick.config.InputException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The key/value header of a GGUF file (llama.cpp's model format), read without loading the model: the trained
 * context length, whether a chat template is embedded, how the tokenizer frames a prompt. The binding exposes none
 * of these, and reading them ourselves lets us check a file before handing it to native code.
 *
 * <p>Only scalar and string values are kept; arrays (the vocabulary, merges, scores) are skipped.
 */
public record GgufMetadata(int version, Map<String, Object> values) {

    private static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian u32
    // Far beyond any real header, small enough that a corrupt length fails fast instead of exhausting memory.
    private static final long MAX_STRING = 64L << 20;
    private static final long MAX_ENTRIES = 1L << 20;

    public GgufMetadata {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Reads the header of a GGUF file; an {@link InputException} names the file when it is not one. */
    public static GgufMetadata read(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(new LittleEndian(new DataInputStream(in)), file);
        } catch (EOFException e) {
            throw new InputException(file + " is not a GGUF model file (its header ends early)");
        } catch (IOException e) {
            throw FileProblems.unreadable(file, e);
        }
    }

    private static GgufMetadata read(LittleEndian in, Path file) throws IOException {
        if (in.u32() != MAGIC) {
            throw new InputException(file + " is not a GGUF model file (no GGUF magic at its start)");
        }
        int version = in.u32();
        if (version < 2) {
            throw new InputException(file + " is GGUF version " + version
                    + ", which llama.cpp no longer reads: convert it again with a current llama.cpp");
        }
        in.u64(); // tensor count: the tensors follow the key/value pairs and are not read here
        long count = checked(in.u64(), MAX_ENTRIES, file, "key/value count");
        Map<String, Object> values = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            String key = in.string(file);
            Object value = in.value(in.u32(), file);
            if (value != null) {
                values.put(key, value);
            }
        }
        return new GgufMetadata(version, values);
    }

    private static long checked(long value, long max, Path file, String what) {
        if (value < 0 || value > max) {
            throw new InputException(file + " is not a valid GGUF file (" + what + " " + Long.toUnsignedString(value)
                    + " is out of range)");
        }
        return value;
    }

    /** {@code general.architecture}, e.g. {@code llama}. */
    public String architecture() {
        return string("general.architecture").orElse("unknown");
    }

    /** The context length the model was trained with: {@code <architecture>.context_length}. */
    public OptionalInt contextLength() {
        Object value = values.get(architecture() + ".context_length");
        return value instanceof Long n && n > 0 && n <= Integer.MAX_VALUE ? OptionalInt.of(n.intValue())
                : OptionalInt.empty();
    }

    /** The Jinja chat template embedded by the converter, if any ({@code tokenizer.chat_template}). */
    public Optional<String> chatTemplate() {
        return string("tokenizer.chat_template").filter(t -> !t.isBlank());
    }

    /**
     * Whether llama.cpp puts a BOS token before every prompt it evaluates: the file's own
     * {@code tokenizer.ggml.add_bos_token} where present, otherwise llama.cpp's default for the tokenizer family
     * (SentencePiece "llama" vocabularies add one, the others do not).
     */
    public boolean addsBos() {
        return bool("tokenizer.ggml.add_bos_token")
                .orElse("llama".equals(string("tokenizer.ggml.model").orElse("")));
    }

    /** Whether llama.cpp appends an EOS token to every prompt ({@code tokenizer.ggml.add_eos_token}; rare). */
    public boolean addsEos() {
        return bool("tokenizer.ggml.add_eos_token").orElse(false);
    }

    public Optional<String> string(String key) {
        return values.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    private Optional<Boolean> bool(String key) {
        return values.get(key) instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    /** GGUF's little-endian primitives; value types as numbered in the GGUF specification. */
    private record LittleEndian(DataInputStream in) {

        int u32() throws IOException {
            return Integer.reverseBytes(in.readInt());
        }

        long u64() throws IOException {
            return Long.reverseBytes(in.readLong());
        }

        String string(Path file) throws IOException {
            int length = (int) checked(u64(), MAX_STRING, file, "string length");
            return new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        /** Reads one value of the given type; arrays are skipped and give null. */
        Object value(int type, Path file) throws IOException {
            return switch (type) {
                case 0 -> (long) in.readUnsignedByte();
                case 1 -> (long) in.readByte();
                case 2 -> (long) Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
                case 3 -> (long) Short.reverseBytes(in.readShort());
                case 4 -> Integer.toUnsignedLong(u32());
                case 5 -> (long) u32();
                case 6 -> (double) Float.intBitsToFloat(u32());
                case 7 -> in.readByte() != 0;
                case 8 -> string(file);
                case 9 -> skipArray(file);
                case 10, 11 -> u64();
                case 12 -> Double.longBitsToDouble(u64());
                default -> throw new InputException(file + " is not a valid GGUF file (unknown value type " + type
                        + ")");
            };
        }

        private Object skipArray(Path file) throws IOException {
            int type = u32();
            long count = checked(u64(), Integer.MAX_VALUE, file, "array length");
            int width = switch (type) {
                case 0, 1, 7 -> 1;
                case 2, 3 -> 2;
                case 4, 5, 6 -> 4;
                case 10, 11, 12 -> 8;
                default -> 0; // strings and nested arrays have no fixed width; unknown types fail in value()
            };
            if (width > 0) {
                in.skipNBytes(count * width);
            } else if (type == 8) { // a vocabulary: skip each string without decoding it
                for (long i = 0; i < count; i++) {
                    in.skipNBytes(checked(u64(), MAX_STRING, file, "string length"));
                }
            } else {
                for (long i = 0; i < count; i++) {
                    value(type, file);
                }
            }
            return null;
        }
    }
}
