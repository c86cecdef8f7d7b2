package dev.yardstick.provider.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** Writes GGUF headers for tests: small synthetic ones, and copies of a real model with one key added. */
final class GgufFixture {

    /** Offset of the first key/value pair: magic, version, tensor count, key/value count. */
    private static final int KV_START = 4 + 4 + 8 + 8;
    private static final int KV_COUNT_AT = 4 + 4 + 8;
    /** GGUF's default alignment of the tensor data; inserting whole multiples of it keeps the data aligned. */
    private static final int ALIGNMENT = 32;

    private final ByteArrayOutputStream kvs = new ByteArrayOutputStream();
    private int count;

    GgufFixture string(String key, String value) {
        key(key, 8);
        text(value);
        return this;
    }

    GgufFixture u32(String key, int value) {
        key(key, 4);
        put(4, b -> b.putInt(value));
        return this;
    }

    GgufFixture bool(String key, boolean value) {
        key(key, 7);
        kvs.write(value ? 1 : 0);
        return this;
    }

    GgufFixture stringArray(String key, String... values) {
        return array(key, 8, values.length, i -> text(values[i]));
    }

    GgufFixture floatArray(String key, float... values) {
        return array(key, 6, values.length, i -> put(4, b -> b.putFloat(values[i])));
    }

    private GgufFixture array(String key, int elementType, int length, IntConsumer element) {
        key(key, 9);
        put(4, b -> b.putInt(elementType));
        put(8, b -> b.putLong(length));
        for (int i = 0; i < length; i++) {
            element.accept(i);
        }
        return this;
    }

    /** A header-only GGUF file (no tensors) with the pairs given. */
    Path write(Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("GGUF".getBytes(StandardCharsets.US_ASCII));
        out.write(le(4, b -> b.putInt(3)));
        out.write(le(8, b -> b.putLong(0)));
        out.write(le(8, b -> b.putLong(count)));
        kvs.writeTo(out);
        return Files.write(file, out.toByteArray());
    }

    /**
     * A copy of {@code source} with one string pair inserted before its others. The pair is padded (trailing
     * spaces in its value) to a multiple of the alignment, so the tensor data stays aligned without re-laying it.
     */
    static Path withString(Path source, String key, String value, Path target) throws IOException {
        byte[] original = Files.readAllBytes(source);
        int fixed = 8 + key.getBytes(StandardCharsets.UTF_8).length + 4 + 8;
        int valueLength = value.getBytes(StandardCharsets.UTF_8).length;
        int padding = (ALIGNMENT - (fixed + valueLength) % ALIGNMENT) % ALIGNMENT;
        GgufFixture pair = new GgufFixture().string(key, value + " ".repeat(padding));
        byte[] inserted = pair.kvs.toByteArray();
        ByteBuffer header = ByteBuffer.wrap(original).order(ByteOrder.LITTLE_ENDIAN);
        long kvCount = header.getLong(KV_COUNT_AT);
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + inserted.length);
        out.write(original, 0, KV_COUNT_AT);
        out.write(le(8, b -> b.putLong(kvCount + 1)));
        out.write(inserted);
        out.write(original, KV_START, original.length - KV_START);
        return Files.write(target, out.toByteArray());
    }

    private void key(String key, int type) {
        text(key);
        put(4, b -> b.putInt(type));
        count++;
    }

    private void text(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        put(8, b -> b.putLong(bytes.length));
        kvs.writeBytes(bytes);
    }

    private void put(int size, Consumer<ByteBuffer> writer) {
        kvs.writeBytes(le(size, writer));
    }

    private static byte[] le(int size, Consumer<ByteBuffer> writer) {
        ByteBuffer buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        writer.accept(buffer);
        return Arrays.copyOf(buffer.array(), size);
    }
}
