package dev.yardstick.provider.hosted;

import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;
import java.util.Map;

/** How to reach one hosted API: where, with which key and headers, and through which HTTP client. */
record Connection(String baseUrl, String apiKey, Map<String, String> headers, Duration timeout,
                  HttpClientBuilder http) {
}
