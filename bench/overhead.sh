#!/usr/bin/env bash
# Driver overhead: the request rate Yardstick sustains against a zero-latency loopback target (OpenAI-compatible,
# streaming, 20 tokens), beside wrk on the same target in the same run, at the same concurrency for the same time.
# Yardstick parses every SSE chunk and records every metric; wrk only reads the bytes. Prints both rates and the ratio.
#
#   bench/overhead.sh [--concurrency 64] [--duration 15s] [--tokens 20]
set -euo pipefail
concurrency=64 duration=15s tokens=20
while [ $# -gt 0 ]; do
  case "$1" in
    --concurrency) concurrency="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --tokens) tokens="$2"; shift 2 ;;
    *) echo "usage: $0 [--concurrency N] [--duration 15s] [--tokens N]" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"

if ! command -v wrk >/dev/null 2>&1; then
  log "wrk is missing: installing it with apt-get"
  apt-get update -qq >&2 && apt-get install -y -qq wrk >&2
fi
build
start_server --ttft 0ms --itl 0ms --tokens "$tokens"

cat >"$work/stream.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sk-loopback"
wrk.body = '{"model":"loopback-model","stream":true,"stream_options":{"include_usage":true},'
  .. '"messages":[{"role":"user","content":"one two three four five six seven eight nine ten eleven twelve"}]}'
LUA
log "wrk: $concurrency connections, $duration"
timeout 120 wrk -t2 -c"$concurrency" -d"$duration" -s "$work/stream.lua" "$base_url/v1/chat/completions" \
  | tee "$work/wrk.txt" >&2
wrk_rate="$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.txt")"

log "yardstick: $concurrency in flight, $duration (after a 3s warm-up)"
run_yardstick 180 benchmark -m openai/loopback-model --base-url "$base_url/v1" --concurrency "$concurrency" \
  --duration "$duration" --warmup 3s --input-tokens 12 --format json -o "$work/ys.json" >/dev/null
ys_rate="$(json_figure "$work/ys.json" '.steps[0].models[0].requestThroughput')"
ys_failed="$(json_figure "$work/ys.json" '.steps[0].models[0].requests.failed')"

python3 - "$wrk_rate" "$ys_rate" "$ys_failed" "$concurrency" "$duration" "$tokens" <<'PY'
import sys
wrk, ys, failed, c, d, t = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
print(f"driver overhead, {c} in flight, {d}, {t} streamed tokens per answer, zero server delay")
print(f"  wrk        {wrk:10.0f} req/s")
print(f"  yardstick  {ys:10.0f} req/s  ({failed} failed)")
print(f"  ratio      {ys / wrk:10.2f}  (target: at least 0.5)")
PY
