package dev.yardstick.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the text files users give: UTF-8, or one line that says why not and where. */
public final class TextFiles {

    private TextFiles() {
    }

    /**
     * The file as UTF-8 text. A directory, a binary file (a NUL byte) or bytes that are not UTF-8 are named as
     * such, with the line where they start, rather than as a decoder's "Input length = 1".
     */
    public static String readText(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputException(file + " is a directory, not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw FileProblems.unreadable(file, e);
        } catch (OutOfMemoryError e) {
            throw new InputException("cannot read " + file + ": it is too large to hold in memory");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw InputException.inFile(file.toString(), lineAtByte(bytes, i), null,
                        "a NUL byte: this looks like a binary file, not text");
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = utf8.decode(in, out, true);
        if (result.isError()) {
            throw InputException.inFile(file.toString(), lineAtByte(bytes, in.position()), null,
                    "not UTF-8 text (byte 0x" + String.format("%02X", bytes[in.position()] & 0xFF)
                            + "): this looks like a binary file or another encoding");
        }
        utf8.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int lineAtByte(byte[] bytes, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
