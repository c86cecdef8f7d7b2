package dev.yardstick.benchmark.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.InputException;
import dev.yardstick.config.Message;
import dev.yardstick.config.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each trace format read as its publishers wrote it, told by its content; mistakes named with file and line. */
class TraceReaderTest {

    private static final long MS = 1_000_000;

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsAnAzure2023TraceWithItsSevenDigitTimes() throws IOException {
        Trace trace = TraceReader.load(file("AzureLLMInferenceTrace_conv.csv", """
                TIMESTAMP,ContextTokens,GeneratedTokens
                2023-11-16 18:15:46.6805900,374,44
                2023-11-16 18:15:50.9951690,396,109
                2023-11-16 18:15:51.2224670,879,55
                """));
        assertEquals(TraceFormat.AZURE, trace.format());
        assertEquals(List.of(0L, 4_314_579_000L, 4_541_877_000L),
                trace.entries().stream().map(TraceEntry::offsetNanos).toList());
        assertEquals(List.of(374, 396, 879), trace.entries().stream().map(TraceEntry::inputTokens).toList());
        assertEquals(List.of(44, 109, 55), trace.entries().stream().map(TraceEntry::outputTokens).toList());
    }

    @Test
    void readsAnAzure2024TraceWithItsZoneAndSortsByTime() throws IOException {
        Trace trace = TraceReader.load(file("azure-2024.csv", """
                TIMESTAMP,ContextTokens,GeneratedTokens
                2024-05-12 00:00:01.001163+00:00,10,2
                2024-05-12 00:00:00.001163+00:00,20,3
                2024-05-12 02:00:00.501163+02:00,30,4
                """));
        // 02:00:00.5+02:00 is 00:00:00.5 UTC: between the other two
        assertEquals(List.of(0L, 500 * MS, 1000 * MS), trace.entries().stream().map(TraceEntry::offsetNanos).toList());
        assertEquals(List.of(20, 30, 10), trace.entries().stream().map(TraceEntry::inputTokens).toList());
    }

    @Test
    void readsAMooncakeTraceWithItsHashIds() throws IOException {
        Trace trace = TraceReader.load(file("mooncake.jsonl", """
                {"timestamp": 0, "input_length": 1100, "output_length": 12, "hash_ids": [46, 47, 48]}
                {"timestamp": 27482, "input_length": 600, "output_length": 52, "hash_ids": [46, 49]}

                {"timestamp": 30535, "input_length": 100, "output_length": 3}
                """));
        assertEquals(TraceFormat.MOONCAKE, trace.format());
        assertEquals(3, trace.entries().size());
        assertEquals(27_482 * MS, trace.entries().get(1).offsetNanos());
        assertEquals(List.of(46L, 47L, 48L), trace.entries().get(0).hashIds());
        assertEquals(List.of(), trace.entries().get(2).hashIds());
        assertEquals(52, trace.entries().get(1).outputTokens());
        assertEquals(30_535 * MS, trace.spanNanos());
    }

    @Test
    void readsTheYardstickTraceWithPromptsAndMessages() throws IOException {
        Trace trace = TraceReader.load(file("trace.jsonl", """
                {"offset_ms": 0, "input_tokens": 64, "output_tokens": 16}
                {"offset_ms": 250.5, "output_tokens": 8, "prompt": "Tell me a story."}
                {"offset_ms": 900, "output_tokens": 4, "messages": [{"role": "system", "content": "Be brief."},
                """.replace(",\n", ", ") + """
                {"role": "user", "content": "Hi"}]}
                """));
        assertEquals(TraceFormat.YARDSTICK, trace.format());
        assertEquals(250_500_000L, trace.entries().get(1).offsetNanos());
        assertEquals(List.of(Message.user("Tell me a story.")), trace.entries().get(1).messages());
        assertEquals(List.of(new Message(Role.SYSTEM, "Be brief."), Message.user("Hi")),
                trace.entries().get(2).messages());
        assertEquals(64, trace.entries().get(0).inputTokens());
    }

    @Test
    void aFormatTheContentDoesNotTellIsReadAsTheFormatGiven() throws IOException {
        Path file = file("odd.jsonl", """
                {"timestamp": 5, "output_length": 7, "input_length": 3}
                """);
        assertEquals(TraceFormat.MOONCAKE, TraceReader.load(file).format());
        Path undetected = file("renamed.txt", "ts,in,out\n1,2,3\n");
        assertNull(TraceReader.load(undetected).format());
        InputException e = assertThrows(InputException.class, () -> TraceReader.read(undetected, TraceFormat.AZURE));
        assertTrue(e.getMessage().contains("renamed.txt:1") && e.getMessage().contains("TIMESTAMP"), e.getMessage());
    }

    @Test
    void mistakesNameTheFileTheLineAndTheField() throws IOException {
        InputException badTime = assertThrows(InputException.class, () -> TraceReader.load(file("a.csv", """
                TIMESTAMP,ContextTokens,GeneratedTokens
                2023-11-16 18:15:46.6805900,374,44
                yesterday,396,109
                """)));
        assertEquals(dir.resolve("a.csv") + ":3: field 'TIMESTAMP': malformed time 'yesterday' (expected e.g."
                + " 2023-11-16 18:15:46.6805900)", badTime.getMessage());
        InputException badLength = assertThrows(InputException.class, () -> TraceReader.load(file("m.jsonl", """
                {"timestamp": 0, "input_length": 10, "output_length": 2}
                {"timestamp": 1, "input_length": -4, "output_length": 2}
                """)));
        assertTrue(badLength.getMessage().startsWith(dir.resolve("m.jsonl") + ":2: field 'input_length'"),
                badLength.getMessage());
        InputException tooManyBlocks = assertThrows(InputException.class, () -> TraceReader.load(file("b.jsonl",
                "{\"timestamp\": 0, \"input_length\": 512, \"output_length\": 2, \"hash_ids\": [1, 2]}\n")));
        assertTrue(tooManyBlocks.getMessage().contains("field 'hash_ids'"), tooManyBlocks.getMessage());
        InputException notJson = assertThrows(InputException.class, () -> TraceReader.read(file("c.jsonl",
                "{\"offset_ms\": 0, \"input_tokens\": 3, \"output_tokens\": 1}\n{oops\n"), TraceFormat.YARDSTICK));
        assertTrue(notJson.getMessage().startsWith(dir.resolve("c.jsonl") + ":2: not a JSON object"),
                notJson.getMessage());
        InputException empty = assertThrows(InputException.class, () -> TraceReader.load(file("e.csv",
                "TIMESTAMP,ContextTokens,GeneratedTokens\n")));
        assertTrue(empty.getMessage().endsWith("the trace has no request"), empty.getMessage());
    }
}
