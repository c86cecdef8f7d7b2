#!/usr/bin/env bash
# Accuracy at high concurrency: a loopback OpenAI-compatible server injects 50 ms to the first token and 10 ms between
# tokens (20 tokens: E2E 240 ms); Yardstick runs 256 streams against it and its reported TTFT and E2E p50/p99 are
# compared with the injected values. wrk on the same target gives the floor (server + loopback) for E2E.
#
#   bench/accuracy.sh [--concurrency 256] [--duration 20s]
set -euo pipefail
concurrency=256 duration=20s
while [ $# -gt 0 ]; do
  case "$1" in
    --concurrency) concurrency="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    *) echo "usage: $0 [--concurrency N] [--duration 20s]" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"
ttft_ms=50 itl_ms=10 tokens=20
e2e_ms=$((ttft_ms + (tokens - 1) * itl_ms))

build
start_server --ttft "${ttft_ms}ms" --itl "${itl_ms}ms" --tokens "$tokens"
log "yardstick: $concurrency streams, $duration (after a 5s warm-up)"
run_yardstick 300 benchmark -m openai/loopback-model --base-url "$base_url/v1" --concurrency "$concurrency" \
  --duration "$duration" --warmup 5s --input-tokens 12 --timeout 30s --format json -o "$work/ys.json" >/dev/null

wrk_line="-"
if command -v wrk >/dev/null 2>&1; then
  cat >"$work/stream.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"model":"loopback-model","stream":true,"messages":[{"role":"user","content":"one two three"}]}'
LUA
  timeout 120 wrk -t2 -c"$concurrency" -d"$duration" --latency -s "$work/stream.lua" \
    "$base_url/v1/chat/completions" >"$work/wrk.txt" 2>&1 || true
  wrk_line="$(awk '/^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print p50 " / " p99}' "$work/wrk.txt")"
fi

python3 - "$work/ys.json" "$ttft_ms" "$e2e_ms" "$concurrency" "$duration" "$wrk_line" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
stats = report["steps"][0]["models"][0]
ttft, e2e, c, d, wrk = float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
print(f"accuracy at {c} streams, {d}: injected TTFT {ttft:.0f} ms, E2E {e2e:.0f} ms; "
      f"{stats['requests']['succeeded']} requests, {stats['requests']['failed']} failed, "
      f"{stats['requestThroughput']:.0f} req/s")
for name, injected in (("ttft", ttft), ("e2e", e2e)):
    m = stats[name]
    print(f"  {name.upper():5} p50 {m['p50']:8.1f} ms ({m['p50'] - injected:+6.1f})   "
          f"p99 {m['p99']:8.1f} ms ({m['p99'] - injected:+6.1f})")
print(f"  wrk E2E p50 / p99 on the same target (the floor): {wrk}")
PY
