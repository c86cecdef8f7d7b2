#!/usr/bin/env bash
# Memory is flat in the number of requests: peak RSS (VmHWM) of `yardstick benchmark` against the in-process
# mock/instant model after 1k, 100k and 1M requests, with the JVM's default heap and again with the heap capped at
# 64 MB (which would fail if anything were kept per request).
#
#   bench/memory.sh [--counts "1000 100000 1000000"] [--concurrency 64]
set -euo pipefail
counts="1000 100000 1000000" concurrency=64
while [ $# -gt 0 ]; do
  case "$1" in
    --counts) counts="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    *) echo "usage: $0 [--counts \"1000 100000\"] [--concurrency N]" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"
build
# One fixed prompt: the mock model keeps a counter per distinct prompt text (its repeatable randomness), so
# synthetic prompts, all distinct, would measure the mock rather than the driver.
printf 'prompts:\n  - id: one\n    prompt: "Once upon a time there was a little cat"\n' >"$work/prompt.yaml"

peak_rss() { # peak_rss HEAP_OPTION REQUESTS -> "peak_kb seconds ok"
  local heap="$1" n="$2" start end pid hwm=0 line
  start=$(date +%s.%N)
  JAVA_TOOL_OPTIONS="$heap" "$root/yardstick" benchmark -m mock/instant --concurrency "$concurrency" \
    --requests "$n" --prompts "$work/prompt.yaml" --format json -o "$work/m.json" >/dev/null 2>"$work/m.err" &
  pid=$!
  # The launcher execs java, so $pid becomes the JVM; follow its high-water mark until it exits (at most 10 min).
  for _ in $(seq 1 6000); do
    line="$(grep VmHWM /proc/$pid/status 2>/dev/null | awk '{print $2}')" || true
    [ -n "$line" ] && hwm="$line"
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  wait "$pid" || { cat "$work/m.err" >&2; echo "0 0 0"; return; }
  end=$(date +%s.%N)
  echo "$hwm $(python3 -c "print(f'{$end - $start:.1f}')") $(json_figure "$work/m.json" '.steps[0].models[0].requests.succeeded')"
}

printf '%-12s %-10s %14s %10s %12s\n' requests heap "peak RSS (MB)" seconds succeeded
for heap in "" "-Xmx64m"; do
  for n in $counts; do
    read -r kb secs ok <<<"$(peak_rss "$heap" "$n")"
    printf '%-12s %-10s %14.0f %10s %12s\n' "$n" "${heap:-default}" "$(python3 -c "print($kb / 1024)")" "$secs" "$ok"
  done
done
