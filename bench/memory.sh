#!/usr/bin/env bash
# Soak: memory is flat in the number of requests. Peak RSS (VmHWM) of `./yardstick benchmark` against the in-process
# mock/instant model, every request a different synthetic prompt, after 100k and 1M requests (64 in flight), with
# the launcher's JVM settings, and optionally with other settings beside them to choose between.
#
#   bench/memory.sh [--counts "100000 1000000"] [--concurrency 64] [--limit-mb 300]
#                   [--options "serial-512=-XX:+UseSerialGC -Xmx512m;g1-512=-XX:+UseG1GC -Xmx512m"]
#
# Each option set is passed as YARDSTICK_JAVA_OPTS (a collector or heap size named there replaces the launcher's);
# "jvm-default=-XX:+UseG1GC -XX:MaxRAMPercentage=25" is what the JVM picks by itself. Exits 1 when the launcher's own
# settings peak above --limit-mb, or grow by more than 15% from the smallest count to the largest.
set -euo pipefail
counts="100000 1000000" concurrency=64 limit_mb=300 options=""
while [ $# -gt 0 ]; do
  case "$1" in
    --counts) counts="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --limit-mb) limit_mb="$2"; shift 2 ;;
    --options) options="$2"; shift 2 ;;
    *) echo "usage: $0 [--counts \"100000 1000000\"] [--concurrency N] [--limit-mb MB] [--options \"NAME=FLAGS;...\"]" >&2
       exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"
build
"$root/yardstick" --help >/dev/null # records the launcher's start-up cache now, not inside the first soak

soak() { # soak JAVA_OPTS REQUESTS -> "peak_kb seconds req_per_s succeeded"
  local opts="$1" n="$2" start end pid hwm=0 line
  start=$(date +%s.%N)
  YARDSTICK_JAVA_OPTS="$opts" "$root/yardstick" benchmark -m mock/instant --concurrency "$concurrency" \
    --requests "$n" --input-tokens 32 --format json -o "$work/m.json" >/dev/null 2>"$work/m.err" &
  pid=$!
  # The launcher execs java, so $pid becomes the JVM; follow its high-water mark until it exits (at most 20 min).
  for _ in $(seq 1 12000); do
    line="$(awk '/VmHWM/ {print $2}' /proc/$pid/status 2>/dev/null)" || true
    [ -n "$line" ] && hwm="$line"
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  wait "$pid" || { cat "$work/m.err" >&2; echo "0 0 0 0"; return; }
  end=$(date +%s.%N)
  echo "$hwm $(python3 -c "print(f'{$end - $start:.1f}')")" \
    "$(json_figure "$work/m.json" '.steps[0].models[0].requestThroughput' | python3 -c 'print(round(float(input())))')" \
    "$(json_figure "$work/m.json" '.steps[0].models[0].requests.succeeded')"
}

status=0
printf '%-14s %10s %14s %10s %10s %12s\n' settings requests "peak RSS (MB)" seconds "req/s" succeeded
IFS=';' read -r -a sets <<<"launcher=${options:+;$options}"
for set in "${sets[@]}"; do
  [ -n "$set" ] || continue
  name="${set%%=*}" opts="${set#*=}"
  first="" last=""
  for n in $counts; do
    read -r kb secs rps ok <<<"$(soak "$opts" "$n")"
    mb=$(( kb / 1024 ))
    printf '%-14s %10s %14s %10s %10s %12s\n' "$name" "$n" "$mb" "$secs" "$rps" "$ok"
    [ -n "$first" ] || first="$mb"
    last="$mb"
    if [ "$name" = launcher ] && { [ "$mb" -eq 0 ] || [ "$mb" -gt "$limit_mb" ] || [ "$ok" != "$n" ]; }; then
      status=1
    fi
  done
  if [ "$name" = launcher ] && [ "$last" -gt $(( first * 115 / 100 )) ]; then
    log "the launcher's settings grew from $first MB to $last MB: not flat"
    status=1
  fi
done
[ "$status" -eq 0 ] && log "launcher settings: under $limit_mb MB and flat" || log "launcher settings: goal NOT met"
exit "$status"
