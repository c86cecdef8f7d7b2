#!/usr/bin/env bash
# The example report of --server-metrics, offline: bench/fast-server.js (Node, no dependencies) streams 20 tokens
# with 50 ms to the first and 5 ms between, at most 4 at once (--max-running 4: the rest wait in its queue), and
# exposes vLLM-style /metrics of its own state. Yardstick keeps 8 requests in flight, scrapes /metrics every second
# and writes reports/benchmark-server-metrics.md and .json: the server's running and waiting requests over time, and
# its TTFT percentiles (from arrival, queueing included) beside the client's.
#
#   bench/server-metrics-example.sh [--requests 400] [--out reports/benchmark-server-metrics]
set -euo pipefail
requests=400 out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) requests="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--requests N] [--out PATH-WITHOUT-EXTENSION]" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"
out="${out:-$root/reports/benchmark-server-metrics}"

build
start_fast_server --tokens 20 --ttft-ms 50 --itl-ms 5 --max-running 4
run_yardstick 300 benchmark -m openai/fast-model --base-url "$fast_url/v1" --concurrency 8 \
  --requests "$requests" --warmup 8 --server-metrics "$fast_url/metrics" \
  --description "bench/fast-server.js: 50 ms to the first token, 5 ms between 20 tokens, at most 4 streams at once" \
  -o "$out.md" -o "$out.json"
# The histogram's _sum and _count give the server's exact mean TTFT, which its coarse buckets cannot.
python3 - "$fast_url/metrics" <<'PY' >&2
import re, sys, urllib.request
text = urllib.request.urlopen(sys.argv[1], timeout=5).read().decode()
def value(name):
    return float(re.search(r'^' + re.escape(name) + r'\{[^}]*\} (\S+)$', text, re.M).group(1))
count = value('vllm:time_to_first_token_seconds_count')
mean = value('vllm:time_to_first_token_seconds_sum') / count * 1000
print(f"bench: server TTFT mean {mean:.1f} ms over {count:.0f} requests (warm-ups included)")
PY
log "wrote $out.md and $out.json"
