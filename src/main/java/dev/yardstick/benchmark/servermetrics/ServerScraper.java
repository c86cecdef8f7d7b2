package dev.yardstick.benchmark.servermetrics;

import dev.yardstick.report.ServerMetricsResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scrapes a serving engine's Prometheus endpoint while a benchmark runs: once at the start, every interval, and
 * once at the end. Each scrape keeps the known metrics' values ({@link ServerKind}); the TTFT histogram of the
 * first and the last scrape give the server's TTFT over the run, from the bucket deltas. A failed scrape is
 * counted and the run goes on: the server's metrics are a view beside the measurement, never part of it.
 */
public final class ServerScraper implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final URI url;
    private final Duration interval;
    private final HttpClient http;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private final List<ServerMetricsResult.Point> points = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private ServerKind kind;
    private Exposition first;
    private Exposition last;
    private int scrapes;
    private int failed;
    private boolean stopped;

    private ServerScraper(URI url, Duration interval) {
        this.url = url;
        this.interval = interval;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "yardstick-server-metrics");
            t.setDaemon(true);
            return t;
        });
    }

    /** Scrapes once now (the baseline of every counter), then every {@code interval} on a thread of its own. */
    public static ServerScraper start(String url, Duration interval) {
        ServerScraper scraper = new ServerScraper(URI.create(url), interval);
        scraper.scrape();
        long every = interval.toNanos();
        scraper.ticker.scheduleWithFixedDelay(scraper::scrape, every, every, TimeUnit.NANOSECONDS);
        return scraper;
    }

    private synchronized void scrape() {
        if (stopped) {
            return;
        }
        double second = (System.nanoTime() - start) / 1e9;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(requestTimeout())
                    .header("Accept", "text/plain;version=0.0.4").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                fail("HTTP " + response.statusCode());
                return;
            }
            record(second, new Exposition(PrometheusText.parse(response.body())));
        } catch (IOException | PrometheusText.MalformedException | IllegalArgumentException e) {
            fail(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Duration requestTimeout() {
        return interval.compareTo(CONNECT_TIMEOUT) > 0 ? interval : CONNECT_TIMEOUT;
    }

    private void record(double second, Exposition exposition) {
        scrapes++;
        if (kind == null) {
            kind = ServerKind.detect(exposition);
        }
        if (first == null) {
            first = exposition;
        }
        last = exposition;
        Map<String, Double> values = kind == null ? Map.of() : kind.values(exposition);
        points.add(new ServerMetricsResult.Point(Math.round(second * 1000) / 1000.0, values));
    }

    private void fail(String why) {
        if (failed++ == 0) {
            notes.add("The first failed scrape of " + url + ": " + why + ".");
        }
    }

    /** Scrapes a last time and stops; the result sets the server's TTFT beside the client's. */
    public synchronized ServerMetricsResult stop(ClientTtft client) {
        if (!stopped) {
            scrape();
            stopped = true;
            ticker.shutdownNow();
        }
        List<String> all = new ArrayList<>(notes);
        ServerMetricsResult.TtftBeside ttft = ttft(client, all);
        derived(all);
        if (scrapes > 0 && kind == null) {
            all.add("None of the vLLM, SGLang or TGI metrics Yardstick knows was in the exposition.");
        }
        return new ServerMetricsResult(url.toString(), kind == null ? "unknown" : kind.label(),
                interval.toNanos() / 1e9, scrapes, failed, points, ttft, all);
    }

    private ServerMetricsResult.TtftBeside ttft(ClientTtft client, List<String> out) {
        if (kind == null || kind.ttftHistogram() == null || first == null) {
            return null;
        }
        Exposition.Buckets delta = last.buckets(kind.ttftHistogram()).minus(first.buckets(kind.ttftHistogram()));
        if (delta.isEmpty()) {
            return null;
        }
        if (delta.negative()) {
            out.add("The server's TTFT histogram went down during the run (a restart?): its percentiles are left"
                    + " out.");
            return null;
        }
        out.add("Server TTFT: " + kind.ttftHistogram() + " bucket deltas over the run, interpolated within buckets"
                + " as histogram_quantile does; it counts every request the server saw (warm-ups and other clients"
                + " included).");
        return new ServerMetricsResult.TtftBeside(Math.round(delta.count()), ms(delta.quantile(0.5)),
                ms(delta.quantile(0.9)), ms(delta.quantile(0.99)), client.count(), client.ms(50), client.ms(90),
                client.ms(99));
    }

    /** Figures over the whole run from counters: the prefix cache's hit rate, TGI's mean queue wait. */
    private void derived(List<String> out) {
        if (first == null || kind == null) {
            return;
        }
        Map<String, Double> from = kind.values(first);
        Map<String, Double> to = kind.values(last);
        Double hits = delta(from, to, "prefix_cache_hits");
        Double queries = delta(from, to, "prefix_cache_queries");
        if (hits != null && queries != null && queries > 0) {
            out.add(String.format(Locale.ROOT, "Prefix cache over the run: %.1f%% of %.0f queried tokens hit.",
                    100 * hits / queries, queries));
        }
        String queue = ServerKind.TGI_QUEUE_DURATION;
        if (last.has(queue + "_count")) {
            double n = last.sum(queue + "_count") - first.sum(queue + "_count");
            double sum = last.sum(queue + "_sum") - first.sum(queue + "_sum");
            if (n > 0) {
                out.add(String.format(Locale.ROOT, "TGI queue wait over the run: mean %.1f ms over %.0f requests"
                        + " (%s).", 1000 * sum / n, n, queue));
            }
        }
    }

    private static Double delta(Map<String, Double> from, Map<String, Double> to, String name) {
        return from.containsKey(name) && to.containsKey(name) ? to.get(name) - from.get(name) : null;
    }

    private static Double ms(double seconds) {
        return Double.isNaN(seconds) ? null : Math.round(seconds * 1e6) / 1000.0;
    }

    @Override
    public synchronized void close() {
        stopped = true;
        ticker.shutdownNow();
    }
}
