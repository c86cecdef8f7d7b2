#!/usr/bin/env bash
# Accuracy at high concurrency: bench/fast-server.js (one Node process) injects 50 ms to the first token and 10 ms
# between tokens (20 tokens: E2E 240 ms). In each run Yardstick drives 256 streams against it, and wrk drives the
# same 256 connections against the same server for the same time (the order alternating between runs): Yardstick's
# TTFT and E2E p50 / p99 are compared with the injected values, and wrk's E2E on the same target is the floor
# (server, loopback and the machine itself). Prints every run and the median over runs.
# --busy keeps the machine's other core busy (a busy-looping shell) during every run. --wrk-beside PCT keeps PCT% of
# one core busy (in 10 ms periods) during wrk's runs only: how much a client's own CPU beside the target moves the
# target's lateness, which wrk (about 160 µs per answer here) barely causes and Yardstick (about 340) does more.
#
#   bench/accuracy.sh [--runs 5] [--concurrency 256] [--duration 12s] [--busy] [--wrk-beside PCT]
set -euo pipefail
runs=5 concurrency=256 duration=12s busy=0 wrk_beside=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --busy) busy=1; shift ;;
    --wrk-beside) wrk_beside="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--concurrency N] [--duration 12s] [--busy] [--wrk-beside PCT]" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"
ttft_ms=50 itl_ms=10 tokens=20

need_wrk
build
start_fast_server --tokens "$tokens" --ttft-ms "$ttft_ms" --itl-ms "$itl_ms"
cat >"$work/stream.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"model":"loopback-model","stream":true,"stream_options":{"include_usage":true},'
  .. '"messages":[{"role":"user","content":"one two three"}]}'
LUA

run_wrk() {
  if [ "$wrk_beside" != 0 ]; then start_duty "$wrk_beside"; fi
  timeout 120 wrk -t2 -c"$concurrency" -d"$duration" --latency -s "$work/stream.lua" \
    "$fast_url/v1/chat/completions" >"$work/wrk-$1.txt" 2>&1 || true
  stop_duty
}

run_yardstick_once() {
  run_yardstick 180 benchmark -m openai/loopback-model --base-url "$fast_url/v1" --concurrency "$concurrency" \
    --duration "$duration" --warmup 3s --input-tokens 12 --timeout 30s --format json -o "$work/ys-$1.json" >/dev/null
}

for run in $(seq 1 "$runs"); do
  [ "$busy" = 1 ] && start_busy
  log "run $run of $runs: $concurrency streams, $duration each for wrk and yardstick"
  if [ $((run % 2)) = 1 ]; then run_yardstick_once "$run"; run_wrk "$run"; else run_wrk "$run"; run_yardstick_once "$run"; fi
  [ "$busy" = 1 ] && stop_busy
  cut -d' ' -f1-3 /proc/loadavg >"$work/load-$run.txt"
done

python3 - "$work" "$runs" "$ttft_ms" "$itl_ms" "$tokens" "$concurrency" "$duration" "$busy" "$wrk_beside" <<'PY'
import json, re, statistics, sys
work, runs, ttft, itl, tokens, c, d, busy, beside = sys.argv[1], int(sys.argv[2]), *map(float, sys.argv[3:6]), *sys.argv[6:]
e2e = ttft + (tokens - 1) * itl
unit = {'us': 1e-3, 'ms': 1.0, 's': 1e3, 'm': 6e4}

def wrk_ms(text, pct):
    m = re.search(rf'^\s+{pct}%\s+([\d.]+)(us|ms|s|m)\s*$', text, re.M)
    return float(m.group(1)) * unit[m.group(2)] if m else float('nan')

rows = []
for run in range(1, runs + 1):
    stats = json.load(open(f'{work}/ys-{run}.json'))['steps'][0]['models'][0]
    wrk = open(f'{work}/wrk-{run}.txt').read()
    rows.append(dict(
        ttft50=stats['ttft']['p50'] - ttft, ttft99=stats['ttft']['p99'] - ttft,
        e2e50=stats['e2e']['p50'] - e2e, e2e99=stats['e2e']['p99'] - e2e,
        wrk50=wrk_ms(wrk, 50) - e2e, wrk99=wrk_ms(wrk, 99) - e2e,
        rate=stats['requestThroughput'], failed=stats['requests']['failed'],
        load=open(f'{work}/load-{run}.txt').read().strip()))
print(f"accuracy at {c} streams, {d} per client per run, {runs} runs{', other core busy' if busy == '1' else ''}"
      f"{f', {beside}% of a core busy beside wrk' if beside != '0' else ''}: "
      f"injected TTFT {ttft:.0f} ms, E2E {e2e:.0f} ms; errors in ms (observed - injected)")
print(f"  {'run':>6}  {'TTFT p50':>9} {'TTFT p99':>9}  {'E2E p50':>8} {'E2E p99':>8}  {'wrk E2E p50':>11} {'wrk p99':>8}"
      f"  {'req/s':>6} {'failed':>6}  load average")
for i, r in enumerate(rows, 1):
    print(f"  {i:>6}  {r['ttft50']:+9.1f} {r['ttft99']:+9.1f}  {r['e2e50']:+8.1f} {r['e2e99']:+8.1f}  "
          f"{r['wrk50']:+11.1f} {r['wrk99']:+8.1f}  {r['rate']:6.0f} {r['failed']:6d}  {r['load']}")
med = {k: statistics.median(r[k] for r in rows) for k in rows[0] if k != 'load'}
print(f"  {'median':>6}  {med['ttft50']:+9.1f} {med['ttft99']:+9.1f}  {med['e2e50']:+8.1f} {med['e2e99']:+8.1f}  "
      f"{med['wrk50']:+11.1f} {med['wrk99']:+8.1f}  {med['rate']:6.0f}")
print(f"  goal: E2E p50 within 0.5 ms of wrk's ({med['e2e50'] - med['wrk50']:+.1f} ms), "
      f"E2E p99 no worse than wrk's ({med['e2e99'] - med['wrk99']:+.1f} ms)")
PY
