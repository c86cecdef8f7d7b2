package dev.yardstick.provider.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufMetadataTest {

    static final Path STORIES = TestModels.stories();

    @TempDir
    Path dir;

    @Test
    void readsTheRealModelsHeader() {
        GgufMetadata gguf = GgufMetadata.read(STORIES);
        assertEquals(3, gguf.version());
        assertEquals("llama", gguf.architecture());
        assertEquals(OptionalInt.of(2048), gguf.contextLength()); // what the file says (its README says 128)
        assertEquals(Optional.empty(), gguf.chatTemplate());
        assertTrue(gguf.addsBos(), "SentencePiece 'llama' vocabularies get a BOS by default");
        assertFalse(gguf.addsEos());
        assertEquals(Optional.of("llama"), gguf.string("tokenizer.ggml.model"));
    }

    @Test
    void keepsScalarsAndStringsAndSkipsArrays() throws IOException {
        Path file = new GgufFixture()
                .string("general.architecture", "qwen2")
                .stringArray("tokenizer.ggml.tokens", "<s>", "</s>", "hello")
                .floatArray("tokenizer.ggml.scores", 0.5f, 1.5f)
                .u32("qwen2.context_length", 32768)
                .bool("tokenizer.ggml.add_bos_token", false)
                .string("tokenizer.chat_template", "{{ messages }}")
                .string("tokenizer.ggml.model", "llama")
                .write(dir.resolve("synthetic.gguf"));
        GgufMetadata gguf = GgufMetadata.read(file);
        assertEquals(OptionalInt.of(32768), gguf.contextLength());
        assertEquals(Optional.of("{{ messages }}"), gguf.chatTemplate());
        assertFalse(gguf.addsBos(), "the file's own add_bos_token wins over the vocabulary default");
        assertFalse(gguf.values().containsKey("tokenizer.ggml.tokens"));
        assertEquals(5, gguf.values().size());
    }

    @Test
    void aFileWithoutTheMagicIsNotAModel() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.gguf"), "these are not the weights you are looking for");
        InputException e = assertThrows(InputException.class, () -> GgufMetadata.read(file));
        assertTrue(e.getMessage().contains("is not a GGUF model file"), e.getMessage());
        assertTrue(e.getMessage().contains("notes.gguf"), e.getMessage());
    }

    @Test
    void aTruncatedHeaderFailsClearly() throws IOException {
        byte[] whole = Files.readAllBytes(STORIES);
        Path file = Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(whole, 100));
        InputException e = assertThrows(InputException.class, () -> GgufMetadata.read(file));
        assertTrue(e.getMessage().contains("header ends early"), e.getMessage());
    }

    @Test
    void anAddedPairIsReadAndTheRestStaysIntact() throws IOException {
        Path copy = GgufFixture.withString(STORIES, "tokenizer.chat_template", "{{ x }}", dir.resolve("t.gguf"));
        GgufMetadata gguf = GgufMetadata.read(copy);
        assertEquals("{{ x }}", gguf.chatTemplate().orElseThrow().strip());
        assertEquals(OptionalInt.of(2048), gguf.contextLength());
        assertEquals(0, (Files.size(copy) - Files.size(STORIES)) % 32, "tensor data stays aligned");
    }
}
