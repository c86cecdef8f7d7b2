/**
 * Loopback servers that speak the LLM providers' wire protocols, for integration tests and benchmarks.
 *
 * <p>{@link dev.yardstick.testing.LoopbackLlmServer} binds 127.0.0.1 and serves, all at once:
 * <table>
 *   <caption>Endpoints and the base URL a client is given ({@code server.baseUrl(protocol)})</caption>
 *   <tr><th>protocol</th><th>base URL</th><th>endpoints</th></tr>
 *   <tr><td>OPENAI</td><td>{@code /v1}</td><td>POST /v1/chat/completions, GET /v1/models</td></tr>
 *   <tr><td>MISTRAL</td><td>{@code /mistral/v1}</td><td>POST /mistral/v1/chat/completions, GET /mistral/v1/models</td></tr>
 *   <tr><td>ANTHROPIC</td><td>{@code /v1}</td><td>POST /v1/messages, GET /v1/models (with anthropic-version)</td></tr>
 *   <tr><td>OLLAMA</td><td>(root)</td><td>POST /api/chat, GET /api/tags, GET /</td></tr>
 *   <tr><td>GEMINI</td><td>{@code /v1beta}</td><td>POST /v1beta/models/{m}:streamGenerateContent?alt=sse and
 *       :generateContent, GET /v1beta/models</td></tr>
 * </table>
 *
 * <p>A {@link dev.yardstick.testing.Behavior} shapes every chat answer (TTFT, inter-chunk gap, tokens, usage,
 * failures, stalls, hangs, broken streams); {@link dev.yardstick.testing.RecordedRequest} keeps what arrived.
 * Standalone benchmark target:
 * {@code java -cp <test classpath> dev.yardstick.testing.LoopbackLlmServer --port 0 --ttft 0ms --itl 0ms --tokens 20}
 * prints {@code listening http://127.0.0.1:PORT}.
 */
package dev.yardstick.testing;
