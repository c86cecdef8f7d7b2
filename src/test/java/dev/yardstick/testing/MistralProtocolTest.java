package dev.yardstick.testing;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.mistralai.MistralAiStreamingChatModel;

/** The real langchain4j Mistral streaming client against the loopback server's Mistral protocol. */
class MistralProtocolTest extends ProtocolContractTest {

    @Override
    protected Protocol protocol() {
        return Protocol.MISTRAL;
    }

    @Override
    protected StreamingChatModel streamingClient(String baseUrl) {
        return MistralAiStreamingChatModel.builder().baseUrl(baseUrl).apiKey("mistral-test").modelName("test-model")
                .build();
    }
}
