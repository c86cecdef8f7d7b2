package dev.yardstick.provider.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.yardstick.provider.http.BodyDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A chunk that begins as the last one did is read from its first field read in every chunk on: what the decoder
 * reports, and every failure, must be what reading every chunk whole gives. Each stream is decoded both ways and the
 * outcomes compared, with the number of chunks whose leading fields were skipped.
 */
class ChunkPrefixTest {

    private static final String HEAD = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\","
            + "\"created\":1700000000,\"model\":\"gpt-test\",\"system_fingerprint\":\"fp_1\",";

    private static String chunk(String head, String content, String finish) {
        return "data: " + head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content
                + "\"},\"logprobs\":null,\"finish_reason\":" + finish + "}]}\n\n";
    }

    private static String chunk(String content) {
        return chunk(HEAD, content, "null");
    }

    private static final String USAGE = "data: " + HEAD + "\"choices\":[],\"usage\":{\"prompt_tokens\":12,"
            + "\"completion_tokens\":7,\"total_tokens\":19,\"prompt_tokens_details\":{\"cached_tokens\":4},"
            + "\"completion_tokens_details\":{\"reasoning_tokens\":3}}}\n\n";

    private static final String FINISH = chunk(HEAD, "", "\"stop\"");

    /** One decoding's outcome: what read returned, what the handler heard, and the response's every value. */
    private record Outcome(String wrong, List<String> partials, List<String> thinking, String response, int skipped) {

        /** The outcome without the count of skipped prefixes, which is all the two ways may differ in. */
        Outcome heard() {
            return new Outcome(wrong, partials, thinking, response, 0);
        }
    }

    /** Decodes the body in reads of at most {@code piece} bytes, or pushed in such pieces. */
    private static Outcome decode(String body, boolean skipPrefixes, int piece, boolean push) throws IOException {
        Heard heard = new Heard();
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder(heard, true, skipPrefixes);
        decoder.opened(() -> { });
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String wrong;
        if (push) {
            BodyDecoder.Push pushed = decoder.push();
            try {
                wrong = null;
                for (int at = 0; at < bytes.length && wrong == null; at += piece) {
                    // the transport's array is reused: a copy that is overwritten after each call
                    byte[] read = new byte[piece + 3];
                    int n = Math.min(piece, bytes.length - at);
                    System.arraycopy(bytes, at, read, 3, n);
                    wrong = pushed.accept(read, 3, n);
                    java.util.Arrays.fill(read, (byte) 'x');
                }
                wrong = wrong != null ? wrong : pushed.end();
            } finally {
                pushed.close();
            }
        } else {
            wrong = decoder.read(pieces(bytes, piece));
        }
        if (wrong == null) {
            decoder.completed();
        }
        return new Outcome(wrong, heard.partials, heard.thinking, describe(heard.response),
                decoder.prefixesSkipped());
    }

    private static InputStream pieces(byte[] bytes, int piece) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, piece));
            }
        };
    }

    /** Every value a response carries. */
    private static String describe(ChatResponse response) {
        if (response == null) {
            return null;
        }
        OpenAiChatResponseMetadata meta = (OpenAiChatResponseMetadata) response.metadata();
        OpenAiTokenUsage usage = meta.tokenUsage();
        String tokens = usage == null ? "no usage" : usage.inputTokenCount() + "/" + usage.outputTokenCount() + "/"
                + usage.totalTokenCount() + " cached "
                + (usage.inputTokensDetails() == null ? null : usage.inputTokensDetails().cachedTokens())
                + " reasoning "
                + (usage.outputTokensDetails() == null ? null : usage.outputTokensDetails().reasoningTokens());
        return "text=" + response.aiMessage().text() + " thinking=" + response.aiMessage().thinking()
                + " finish=" + meta.finishReason() + " id=" + meta.id() + " model=" + meta.modelName()
                + " created=" + meta.created() + " tier=" + meta.serviceTier() + " fingerprint="
                + meta.systemFingerprint() + " usage=" + tokens;
    }

    /** Both ways, whole and in small reads: the outcomes must agree; @return the outcome with the prefixes skipped */
    private static Outcome bothWays(String body) throws IOException {
        Outcome fast = decode(body, true, 100_000, false);
        Outcome whole = decode(body, false, 100_000, false);
        assertEquals(whole.heard(), fast.heard(), body);
        assertEquals(0, whole.skipped());
        for (int piece : new int[] {1, 5, 64}) {
            assertEquals(fast, decode(body, true, piece, false), "reads of " + piece + " bytes: " + body);
            assertEquals(fast, decode(body, true, piece, true), "pushed in " + piece + " bytes: " + body);
        }
        return fast;
    }

    @Test
    void chunksThatBeginAlikeAreReadFromTheirChoicesOnWithTheSameOutcome() throws IOException {
        Outcome outcome = bothWays(chunk("Hél") + ": comment\n\n" + chunk("lo 日本") + chunk(" 🎉") + FINISH + USAGE
                + "data: [DONE]\n\n");

        assertNull(outcome.wrong());
        assertEquals(List.of("Hél", "lo 日本", " 🎉"), outcome.partials());
        assertEquals("text=Héllo 日本 🎉 thinking=null finish=STOP id=chatcmpl-1 model=gpt-test created=1700000000"
                + " tier=null fingerprint=fp_1 usage=12/7/19 cached 4 reasoning 3", outcome.response());
        assertEquals(4, outcome.skipped(), "every chunk after the first, the usage-only chunk included");
    }

    @Test
    void aChangedOrPartlyMatchingPrefixIsReadWhole() throws IOException {
        String otherId = HEAD.replace("chatcmpl-1", "chatcmpl-2");
        String otherModel = HEAD.replace("gpt-test", "gpt-tesx"); // differs near the prefix's end
        String noFingerprint = HEAD.replace("\"system_fingerprint\":\"fp_1\",", "");
        String spaced = HEAD.replace("\"fp_1\",", "\"fp_1\", ");
        Outcome outcome = bothWays(chunk("a") + chunk(otherId, "b", "null") + chunk(otherId, "c", "null")
                + chunk(otherModel, "d", "null") + chunk(noFingerprint, "e", "null") + chunk(spaced, "f", "null")
                + chunk(spaced, "g", "null") + chunk("h") + FINISH);

        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h"), outcome.partials());
        assertTrue(outcome.response().contains(" id=chatcmpl-1 model=gpt-test "), "the first chunk's metadata is kept: "
                + outcome.response());
        // c; then f, g, h and the finish chunk begin as e does up to the quote of its "choices", so they are read from
        // "system_fingerprint" on (the field there is read as in any chunk); d and e change before their boundary.
        assertEquals(5, outcome.skipped(), outcome.toString());
    }

    @Test
    void malformedChunksAfterAKnownPrefixFailWithTheSameMessage() throws IOException {
        String prefix = "data: " + HEAD;
        String[] broken = {
            prefix + "\"choices\":[]} x", // trailing garbage
            prefix + "\"choices\":[{\"delta\":{\"content\":\"cut", // cut short
            prefix + "\"}", // the name cut short
            prefix + "}", // a comma and then the end: JSON has no trailing commas
            prefix + "\"error\":{\"message\":\"overloaded\"}}",
            prefix + "\"type\":\"error\",\"choices\":[]}",
            prefix + "\"choices\":[]}{\"choices\":[]}", // a second object
            "data: [1,2]",
            "event: error\ndata: " + HEAD + "\"choices\":[]}",
        };
        for (String event : broken) {
            Outcome outcome = bothWays(chunk("one") + chunk("two") + event + "\n\n" + chunk("three") + FINISH);

            assertTrue(outcome.wrong() != null && outcome.wrong().startsWith("an "), event + ": " + outcome);
            assertEquals(List.of("one", "two"), outcome.partials(), event);
        }
    }

    @Test
    void usageOnlyChunksErrorsAndDoneAreJudgedAsBefore() throws IOException {
        assertTrue(bothWays(USAGE + USAGE + "data: [DONE]\n\n").wrong().startsWith("no choice in the stream"));
        Outcome afterDone = bothWays(chunk("a") + "data: [DONE]\n\n" + chunk("b") + "data: [DONE]\n\n");
        assertNull(afterDone.wrong());
        assertEquals(1, afterDone.skipped());
        Outcome usageFirst = bothWays("data: " + HEAD + "\"usage\":{\"prompt_tokens\":1},\"choices\":[]}\n\n"
                + "data: " + HEAD + "\"usage\":{\"prompt_tokens\":2},\"choices\":[]}\n\n" + chunk("x") + FINISH);
        assertTrue(usageFirst.response().endsWith("usage=2/null/null cached null reasoning null"),
                usageFirst.response());
        assertEquals(3, usageFirst.skipped(), "the boundary is the first field read in every chunk, usage here");
    }

    @Test
    void aNameInsideAMetadataValueIsNotTakenForTheBoundary() throws IOException {
        String nested = "{\"id\":\"x\",\"meta\":{\"a\":1,\"choices\":[{\"delta\":{\"content\":\"no\"}}]},"
                + "\"note\":\",\\\"choices\\\":\",";
        String escaped = "{\"id\":\"x\",\"ch\\u006fices\":[],";
        Outcome outcome = bothWays(chunk(nested, "a", "null") + chunk(nested, "b", "null")
                + chunk(escaped, "c", "null") + chunk(escaped, "d", "null") + chunk(nested, "e", "\"stop\""));

        assertEquals(List.of("a", "b", "c", "d", "e"), outcome.partials());
        assertEquals(1, outcome.skipped(), "the nested one once; after the escaped name nothing is learnt");
    }

    @Test
    void aChunkLongerThanTheParserReadsAtOnceIsReadWholeAndTeachesNothing() throws IOException {
        String longText = "é日".repeat(1_000);
        Outcome outcome = bothWays(chunk(longText) + chunk(longText) + chunk("a") + chunk(longText) + chunk("b")
                + FINISH);

        assertEquals(List.of(longText, longText, "a", longText, "b"), outcome.partials());
        assertEquals(3, outcome.skipped(), "learnt from the short chunk, then skipped in long and short alike");
    }

    @Test
    void aStreamWhoseChunksKeepBeginningOtherwiseIsNoLongerLearntFrom() throws IOException {
        StringBuilder changing = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            changing.append(chunk(HEAD.replace("chatcmpl-1", "chatcmpl-" + i), "t" + i, "null"));
        }
        String sameAsLast = chunk(HEAD.replace("chatcmpl-1", "chatcmpl-9"), "u", "null");
        Outcome given = bothWays(changing + sameAsLast + sameAsLast + sameAsLast + FINISH);
        assertEquals(0, given.skipped(), "eight misses in a row: the rest is read whole");
        assertEquals(13, given.partials().size());
        assertTrue(given.response().contains(" id=chatcmpl-0 "), given.response());

        String fewer = changing.substring(0, changing.lastIndexOf("data:", changing.indexOf("chatcmpl-5")));
        String likeTheFifth = chunk(HEAD.replace("chatcmpl-1", "chatcmpl-4"), "u", "null");
        assertEquals(3, bothWays(fewer + likeTheFifth + likeTheFifth + likeTheFifth).skipped(),
                "four misses: still learnt from");
    }

    /**
     * Streams made at random from one seed: leading fields in any order and spacing, values of every kind, chunks
     * whose leading fields change, come partly, or break in every way the decoder reports; read in pieces of any
     * size. Both ways must agree on every stream, and the prefixes must have been skipped in most chunks.
     */
    @Test
    void randomStreamsDecodeAlikeBothWays() throws IOException {
        Random random = new Random(20261128L);
        int chunks = 0;
        int skipped = 0;
        int failed = 0;
        for (int stream = 0; stream < 400; stream++) {
            String body = randomStream(random);
            Outcome fast = decode(body, true, 1 + random.nextInt(200), random.nextBoolean());
            Outcome whole = decode(body, false, 100_000, false);
            assertEquals(whole.heard(), fast.heard(), "stream " + stream + ": " + body);
            chunks += body.split("\n\n", -1).length - 1;
            skipped += fast.skipped();
            failed += fast.wrong() == null ? 0 : 1;
        }
        assertTrue(skipped > chunks / 5, skipped + " prefixes skipped in " + chunks + " events");
        assertTrue(failed > 40 && failed < 360, failed + " of 400 streams failed: both kinds are wanted");
    }

    private static String randomStream(Random random) {
        String head = randomHead(random);
        StringBuilder body = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(100);
            String content = randomText(random);
            String finish = i == length - 1 && random.nextInt(4) > 0 ? "\"stop\"" : "null";
            String rest = "\"choices\":[{\"index\":0,\"delta\":{\"" + (random.nextInt(6) == 0 ? "reasoning_content"
                    : "content") + "\":\"" + content + "\"},\"logprobs\":null,\"finish_reason\":" + finish + "}]"
                    + (random.nextInt(5) == 0 ? ",\"usage\":{\"prompt_tokens\":" + random.nextInt(99)
                    + ",\"completion_tokens_details\":{\"reasoning_tokens\":" + random.nextInt(9) + "}}" : "")
                    + (random.nextBoolean() ? ",\"obfuscation\":\"" + randomText(random) + "\"" : "") + "}";
            String event = switch (kind) {
                case 0 -> randomHead(random) + rest; // another head, learnt from then on
                case 1 -> head.substring(0, random.nextInt(head.length() + 1)) + rest; // a head cut anywhere
                case 2 -> head.replace("1700000000", "1700000001") + rest;
                case 3 -> head + rest + " x"; // trailing garbage
                case 4 -> (head + rest).substring(0, random.nextInt(head.length() + rest.length())); // cut short
                case 5 -> head + "}"; // a comma and then the end
                case 6 -> head + "\"usage\":{\"prompt_tokens\":3},\"choices\":[]}";
                case 7 -> head + "\"error\":" + (random.nextBoolean() ? "null" : "{\"message\":\"x\"}") + "," + rest;
                case 8 -> "[DONE]";
                case 9 -> head + "\"choices\":[]}\n\ndata: {\"x\":1} {}"; // an event with a second value
                default -> head + rest;
            };
            body.append(kind == 10 ? "event: error\n" : "").append("data: ").append(event).append("\n\n");
        }
        return body.toString();
    }

    /** Leading fields, each present or not, in some order, with some spacing, and a comma after the last. */
    private static String randomHead(Random random) {
        List<String[]> fields = new ArrayList<>(List.of(
                new String[] {"id",
                    pick(random, "\"chatcmpl-" + random.nextInt(3) + "\"", "null", "7", "\"\\u00e9\\n\"")},
                new String[] {"object", "\"chat.completion.chunk\""},
                new String[] {"created", pick(random, "1700000000", "99999999999999999999", "\"soon\"", "null", "1.5")},
                new String[] {"model", pick(random, "\"gpt-test\"", "\"日本\"", "{\"n\":[1,{\"choices\":2}]}")},
                new String[] {"service_tier", pick(random, "\"default\"", "null")},
                new String[] {"system_fingerprint", pick(random, "\"fp_1\"", "null", "[]")},
                new String[] {"x_extra", pick(random, "{\"choices\":[]}", "\",\\\"choices\\\":\"", "true")}));
        java.util.Collections.shuffle(fields, random);
        fields = fields.subList(0, random.nextInt(fields.size() + 1));
        String space = pick(random, "", "", " ", "\t", "\r");
        StringBuilder head = new StringBuilder("{").append(space);
        for (String[] field : fields) {
            head.append('"').append(field[0]).append('"').append(space).append(':').append(space).append(field[1])
                    .append(space).append(',').append(space);
        }
        return head.toString();
    }

    private static String randomText(Random random) {
        return pick(random, "a", " word", "é日🎉", "", "\\\"q\\\"", "\\u0041", "a b", "x".repeat(random.nextInt(2500)));
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
