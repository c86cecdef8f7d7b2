#!/usr/bin/env node
// A fast OpenAI-compatible streaming target for the driver benchmarks: one Node process, no dependencies, on
// 127.0.0.1. Every POST is answered like OpenAI's chat completions with stream_options.include_usage: a role-only
// chunk, N content chunks, a finish chunk, a usage-only chunk and `data: [DONE]`, each flushed on its own, chunked
// transfer encoding, keep-alive. Optional delays make it the accuracy target too.
//
//   node bench/fast-server.js [--port 0] [--tokens 20] [--ttft-ms 0] [--itl-ms 0] [--max-running 0]
//
// Prints "listening http://127.0.0.1:PORT" on stdout once it accepts connections; GET answers a model list, and
// GET /metrics vLLM-style Prometheus metrics of its own state: vllm:num_requests_running (streams open now),
// vllm:num_requests_waiting (requests queued behind --max-running N, which streams at most N at once; 0 or absent:
// no limit), and the histograms vllm:time_to_first_token_seconds (request arrival, queueing included, to the write
// of the first token, as vLLM measures from arrival) and vllm:e2e_request_latency_seconds (arrival to the last
// write), with vLLM's buckets. It has no KV cache or prefix cache, so it exposes no such metric.
'use strict';
const http = require('http');

const options = { port: 0, tokens: 20, ttftMs: 0, itlMs: 0, maxRunning: 0 };
for (let i = 2; i < process.argv.length; i += 2) {
  const [name, value] = [process.argv[i], Number(process.argv[i + 1])];
  const key = { '--port': 'port', '--tokens': 'tokens', '--ttft-ms': 'ttftMs', '--itl-ms': 'itlMs',
    '--max-running': 'maxRunning' }[name];
  if (!key || !Number.isFinite(value) || value < 0) {
    console.error('usage: fast-server.js [--port N] [--tokens N] [--ttft-ms N] [--itl-ms N] [--max-running N]'
      + ` (bad: ${name})`);
    process.exit(2);
  }
  options[key] = value;
}

const head = '{"id":"chatcmpl-fast","object":"chat.completion.chunk","created":1700000000,"model":"fast-model",'
  + '"system_fingerprint":null,"choices":';
const frame = (choices, usage) => `data: ${head}${choices}${usage ? `,"usage":${usage}` : ''}}\n\n`;
const choice = (delta, finish) => `[{"index":0,"delta":${delta},"logprobs":null,"finish_reason":${finish}}]`;
const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];
const frames = [frame(choice('{"role":"assistant","content":"","refusal":null}', 'null'))];
for (let i = 0; i < options.tokens; i++) {
  frames.push(frame(choice(`{"content":"${i === 0 ? '' : ' '}${words[i % words.length]}"}`, 'null')));
}
const tail = frame(choice('{}', '"stop"'))
  + frame('[]', `{"prompt_tokens":12,"completion_tokens":${options.tokens},"total_tokens":${12 + options.tokens},`
    + '"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}')
  + 'data: [DONE]\n\n';
const whole = frames.join('') + tail;
const headers = { 'Content-Type': 'text/event-stream; charset=utf-8', 'x-request-id': 'req_fast' };
const models = JSON.stringify({ object: 'list', data: [{ id: 'fast-model', object: 'model', owned_by: 'bench' }] });

// The server's own state, kept with a few counters per request so the throughput path stays as fast as it was.
const now = () => performance.now() / 1000;
class Histogram {
  constructor(name, help, bounds) {
    Object.assign(this, { name, help, bounds, counts: new Array(bounds.length + 1).fill(0), sum: 0, count: 0 });
  }

  observe(seconds) {
    let i = 0;
    while (i < this.bounds.length && seconds > this.bounds[i]) i++;
    this.counts[i]++;
    this.sum += seconds;
    this.count++;
  }

  exposition(labels) {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    let cumulative = 0;
    this.bounds.forEach((bound, i) => {
      cumulative += this.counts[i];
      lines.push(`${this.name}_bucket{${labels},le="${Number.isInteger(bound) ? bound.toFixed(1) : bound}"} ${cumulative}`);
    });
    lines.push(`${this.name}_bucket{${labels},le="+Inf"} ${this.count}`);
    lines.push(`${this.name}_sum{${labels}} ${this.sum}`, `${this.name}_count{${labels}} ${this.count}`);
    return lines.join('\n');
  }
}
const ttftSeconds = new Histogram('vllm:time_to_first_token_seconds', 'Histogram of time to first token in seconds.',
  [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5, 7.5, 10]);
const e2eSeconds = new Histogram('vllm:e2e_request_latency_seconds',
  'Histogram of end to end request latency in seconds.',
  [0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 60.0, 120.0, 240.0, 480.0, 960.0,
    1920.0, 7680.0]);
let running = 0;
const waiting = []; // [res, arrival] behind --max-running

function metrics() {
  const labels = 'model_name="fast-model"';
  return ['# HELP vllm:num_requests_running Number of requests in model execution batches.',
    '# TYPE vllm:num_requests_running gauge', `vllm:num_requests_running{${labels}} ${running}`,
    '# HELP vllm:num_requests_waiting Number of requests waiting to be processed.',
    '# TYPE vllm:num_requests_waiting gauge', `vllm:num_requests_waiting{${labels}} ${waiting.length}`,
    ttftSeconds.exposition(labels), e2eSeconds.exposition(labels), ''].join('\n');
}

function admit(res, arrival) {
  if (options.maxRunning > 0 && running >= options.maxRunning) waiting.push([res, arrival]);
  else stream(res, arrival);
}

function finished() {
  running--;
  while (waiting.length > 0 && running < options.maxRunning) {
    const [res, arrival] = waiting.shift();
    if (!res.destroyed) stream(res, arrival);
  }
}

function stream(res, arrival) {
  running++;
  res.writeHead(200, headers);
  if (options.ttftMs === 0 && options.itlMs === 0) {
    // Every token is ready at once, so the answer goes out in one write (corked), as a server whose tokens are
    // all generated before its socket frees up would send it: the client still parses each chunk on its own.
    res.write(whole);
    ttftSeconds.observe(now() - arrival);
    res.end();
    e2eSeconds.observe(now() - arrival);
    finished();
    return;
  }
  let i = 0;
  const next = () => {
    if (res.destroyed) {
      finished();
      return;
    }
    res.write(frames[i++]);
    if (i === 1) {
      res.write(frames[i++]); // the role chunk and the first token arrive together after TTFT
      ttftSeconds.observe(now() - arrival);
    }
    if (i < frames.length) setTimeout(next, options.itlMs);
    else {
      res.end(tail);
      e2eSeconds.observe(now() - arrival);
      finished();
    }
  };
  setTimeout(next, options.ttftMs);
}

const server = http.createServer((req, res) => {
  const arrival = now();
  if (req.method !== 'POST') {
    const scrape = req.url === '/metrics';
    res.writeHead(200, { 'Content-Type': scrape ? 'text/plain; version=0.0.4; charset=utf-8' : 'application/json' });
    res.end(scrape ? metrics() : models);
    return;
  }
  req.on('data', () => {});
  req.on('end', () => admit(res, arrival));
});
server.keepAliveTimeout = 60000;
server.headersTimeout = 65000;
server.on('connection', (socket) => socket.setNoDelay(true));
server.listen(options.port, '127.0.0.1', () => {
  console.log(`listening http://127.0.0.1:${server.address().port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
