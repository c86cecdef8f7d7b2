#!/usr/bin/env node
// A fast OpenAI-compatible streaming target for the driver benchmarks: one Node process, no dependencies, on
// 127.0.0.1. Every POST is answered like OpenAI's chat completions with stream_options.include_usage: a role-only
// chunk, N content chunks, a finish chunk, a usage-only chunk and `data: [DONE]`, each flushed on its own, chunked
// transfer encoding, keep-alive. Optional delays make it the accuracy target too.
//
//   node bench/fast-server.js [--port 0] [--tokens 20] [--ttft-ms 0] [--itl-ms 0]
//
// Prints "listening http://127.0.0.1:PORT" on stdout once it accepts connections; GET answers a model list.
'use strict';
const http = require('http');

const options = { port: 0, tokens: 20, ttftMs: 0, itlMs: 0 };
for (let i = 2; i < process.argv.length; i += 2) {
  const [name, value] = [process.argv[i], Number(process.argv[i + 1])];
  const key = { '--port': 'port', '--tokens': 'tokens', '--ttft-ms': 'ttftMs', '--itl-ms': 'itlMs' }[name];
  if (!key || !Number.isFinite(value) || value < 0) {
    console.error(`usage: fast-server.js [--port N] [--tokens N] [--ttft-ms N] [--itl-ms N] (bad: ${name})`);
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

function stream(res) {
  res.writeHead(200, headers);
  if (options.ttftMs === 0 && options.itlMs === 0) {
    // Every token is ready at once, so the answer goes out in one write (corked), as a server whose tokens are
    // all generated before its socket frees up would send it: the client still parses each chunk on its own.
    res.write(whole);
    res.end();
    return;
  }
  let i = 0;
  const next = () => {
    if (res.destroyed) return;
    res.write(frames[i++]);
    if (i === 1) res.write(frames[i++]); // the role chunk and the first token arrive together after TTFT
    if (i < frames.length) setTimeout(next, options.itlMs);
    else res.end(tail);
  };
  setTimeout(next, options.ttftMs);
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(models);
    return;
  }
  req.on('data', () => {});
  req.on('end', () => stream(res));
});
server.keepAliveTimeout = 60000;
server.headersTimeout = 65000;
server.on('connection', (socket) => socket.setNoDelay(true));
server.listen(options.port, '127.0.0.1', () => {
  console.log(`listening http://127.0.0.1:${server.address().port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
