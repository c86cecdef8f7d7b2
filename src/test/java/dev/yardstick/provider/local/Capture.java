package dev.yardstick.provider.local;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Records one call to the local streaming model: the pieces, when the first and the end arrived, and how it ended.
 * The model calls back on the caller's thread before {@code chat} returns, so nothing here needs to wait.
 */
final class Capture implements StreamingChatResponseHandler {

    private final BiConsumer<Integer, PartialResponseContext> onPiece;
    private final List<String> pieces = new ArrayList<>();
    private long start;
    private long firstPieceAt = -1;
    private long endAt = -1;
    private ChatResponse response;
    private Throwable error;
    private int endings;

    private Capture(BiConsumer<Integer, PartialResponseContext> onPiece) {
        this.onPiece = onPiece;
    }

    static Capture chat(StreamingChatModel model, ChatRequest request) {
        return chat(model, request, (n, context) -> { });
    }

    /** @param onPiece called after each piece with how many pieces came so far and the streaming context */
    static Capture chat(StreamingChatModel model, ChatRequest request,
                        BiConsumer<Integer, PartialResponseContext> onPiece) {
        Capture capture = new Capture(onPiece);
        capture.start = System.nanoTime();
        model.chat(request, capture);
        return capture;
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        if (firstPieceAt < 0) {
            firstPieceAt = System.nanoTime();
        }
        pieces.add(partial.text());
        onPiece.accept(pieces.size(), context);
    }

    @Override
    public void onCompleteResponse(ChatResponse completeResponse) {
        endAt = System.nanoTime();
        response = completeResponse;
        endings++;
    }

    @Override
    public void onError(Throwable e) {
        endAt = System.nanoTime();
        error = e;
        endings++;
    }

    ChatResponse response() {
        if (response == null) {
            throw new AssertionError("no complete response", error);
        }
        return response;
    }

    Throwable error() {
        return error;
    }

    /** How many of onCompleteResponse/onError were called: 1 normally, 0 after a cancel through the handle. */
    int endings() {
        return endings;
    }

    List<String> pieces() {
        return List.copyOf(pieces);
    }

    String text() {
        return String.join("", pieces);
    }

    long ttftNanos() {
        return firstPieceAt - start;
    }

    long e2eNanos() {
        return endAt - start;
    }
}
