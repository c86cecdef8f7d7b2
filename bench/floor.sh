#!/usr/bin/env bash
# The floor of a Java client on this machine, beside wrk on the same target: bench/FloorClient.java does only the I/O
# Yardstick does for a streamed answer (the same keep-alive POST, the chunked SSE body read to its last chunk, first
# and last byte timed; no JSON, no statistics) in each I/O and scheduling model, so the gap between Yardstick and wrk
# can be split into what Java's I/O model costs and what Yardstick adds on top.
#
# Models (each in a fresh JVM with the launcher's memory flags; the JDK is the one ./yardstick finds):
#   vt           virtual thread per connection, blocking socket: Yardstick's model, the JDK's default scheduler
#   vt-p1        the same, -Djdk.virtualThreadScheduler.parallelism=1 (one carrier thread)
#   vt-sys       the same, -Djdk.pollerMode=1 (the read poller is a platform thread, not a virtual thread)
#   vt-sys-p1    both
#   vt-nt        vt with no socket read timeout (the others read with a 30 s one, as Yardstick does): on a virtual
#                thread a read with a timeout is a timed park, one delay-scheduler task per wait for bytes
#   pt           platform thread per connection, blocking socket
#   nio          one NIO selector loop for every connection (wrk's model)
#   nio2         two selector loops (wrk -t2 runs two)
#   ys           Yardstick itself (`benchmark`, every chunk parsed and recorded) with the launcher's settings, for
#                reference: its http:// streams on the event loop, its workers carried by the loop's thread (the
#                default). CPU over the report's measurement window, as bench/overhead.sh measures it
#   ys-sock      Yardstick with its http:// streams read on the request's virtual thread over blocking sockets
#                (-Dyardstick.http.streams=socket, the default before the event loop became it); ys-p1, ys-sys, ys-sys-p1 the same
#                with the JVM flags of vt-p1, vt-sys, vt-sys-p1 (YARDSTICK_JAVA_OPTS)
#   ys-loop      the default said outright (-Dyardstick.http.streams=loop); ys-l2 with two event loops
#                (-Dyardstick.http.loops=2)
#   base         Yardstick from the launcher given with --baseline (another checkout or build), for a before/after
#
# Two targets (bench/fast-server.js): throughput, 64 connections, no delay (req/s and CPU µs per request over the
# window after the warm-up); accuracy, 256 connections, 50 ms to the first token then 10 ms per token, 20 tokens (TTFT
# and E2E error p50 / p99, observed minus injected). wrk runs first on each target, every figure prints beside wrk's.
# --busy keeps the other core busy (a busy loop) during the accuracy runs. With --rounds N every model runs N times
# per target (the order rotating) and the median is printed. About 5 minutes a round with the nine default models;
# --duration and --warmup are whole seconds.
#
#   bench/floor.sh [--rounds 1] [--duration 10] [--warmup 3] [--models "vt vt-nt vt-p1 vt-sys vt-sys-p1 pt nio nio2 ys ys-sock"]
#                  [--targets "throughput accuracy"] [--busy] [--baseline path/to/other/yardstick]
set -euo pipefail
rounds=1 duration=10 warmup=3 busy=0 baseline=""
models="vt vt-nt vt-p1 vt-sys vt-sys-p1 pt nio nio2 ys ys-sock"
targets="throughput accuracy"
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --duration) duration="${2%s}"; shift 2 ;;
    --warmup) warmup="${2%s}"; shift 2 ;;
    --models) models="$2"; shift 2 ;;
    --targets) targets="$2"; shift 2 ;;
    --busy) busy=1; shift ;;
    --baseline) baseline="$2"; shift 2 ;;
    *) echo "usage: $0 [--rounds N] [--duration 10] [--warmup 3] [--models \"vt pt nio ...\"] [--targets \"throughput accuracy\"] [--busy]" >&2
       exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"

need_wrk
java="$(java_bin)"
"${java%/java}/javac" -d "$work/floor" "$root/bench/FloorClient.java"
# The launcher's memory settings, so the floor pays the same collector as Yardstick.
jvm=(-XX:+UseSerialGC -Xmx512m -Xms16m)

model_args() { # model_args NAME: the JVM flags and FloorClient options of a model
  case "$1" in
    vt) echo "--model vt" ;;
    vt-p1) echo "-Djdk.virtualThreadScheduler.parallelism=1 --model vt" ;;
    vt-sys) echo "-Djdk.pollerMode=1 --model vt" ;;
    vt-sys-p1) echo "-Djdk.pollerMode=1 -Djdk.virtualThreadScheduler.parallelism=1 --model vt" ;;
    vt-nt) echo "--model vt --so-timeout 0" ;;
    pt) echo "--model pt" ;;
    nio) echo "--model nio --threads 1" ;;
    nio2) echo "--model nio --threads 2" ;;
    ys | base) echo "--yardstick" ;;
    ys-loop) echo "-Dyardstick.http.streams=loop --yardstick" ;;
    ys-l2) echo "-Dyardstick.http.streams=loop -Dyardstick.http.loops=2 --yardstick" ;;
    ys-sock) echo "-Dyardstick.http.streams=socket --yardstick" ;;
    ys-*) echo "-Dyardstick.http.streams=socket $(model_args "vt-${1#ys-}" | sed 's/--model vt/--yardstick/')" ;;
    *) log "unknown model $1"; exit 2 ;;
  esac
}

wrk_stream_script "$work/stream.lua"

# floor TARGET CONNECTIONS ROUND MODEL: one FloorClient run; appends "TARGET MODEL key=value..." to $work/lines.
floor() {
  local args flags=() opts=() a
  read -r -a args <<<"$(model_args "$4")"
  for a in "${args[@]}"; do
    case "$a" in -D*) flags+=("$a") ;; *) opts+=("$a") ;; esac
  done
  log "$1 round $3: $4 ($2 connections, ${warmup}s warm-up, ${duration}s)"
  local out
  if [ "${opts[0]}" = --yardstick ]; then
    yardstick "$1" "$2" "$4" ${flags[@]+"${flags[@]}"}
    return 0
  fi
  out="$(timeout $((warmup + duration + 30)) "$java" "${jvm[@]}" ${flags[@]+"${flags[@]}"} -cp "$work/floor" \
    FloorClient "${opts[@]}" --url "$fast_url/v1/chat/completions" --connections "$2" --warmup "$warmup" \
    --duration "$duration")" || { log "$4 failed"; return 0; }
  echo "$1 $4 $out load=$(cut -d' ' -f1 /proc/loadavg)" >>"$work/lines"
}

# yardstick TARGET CONNECTIONS MODEL FLAGS...: ./yardstick benchmark on the same target, its figures from the report.
yardstick() {
  local target="$1" connections="$2" model="$3"
  shift 3
  local launcher="$root/yardstick"
  if [ "$model" = base ]; then
    [ -n "$baseline" ] || { log "base needs --baseline LAUNCHER"; exit 2; }
    launcher="$baseline"
  fi
  YARDSTICK_JAVA_OPTS="$*" OPENAI_API_KEY=sk-loopback with_cpu "$work/cpu.txt" timeout $((warmup + duration + 60)) \
    "$launcher" benchmark -m openai/loopback-model --base-url "$fast_url/v1" --concurrency "$connections" \
    --duration "${duration}s" --warmup "${warmup}s" --input-tokens 12 --timeout 30s --format json \
    -o "$work/ys.json" >/dev/null || { log "$model failed"; return 0; }
  python3 - "$work/ys.json" "$(cpu_in_window "$work/cpu.txt" "$work/ys.json")" "$target" "$model" \
    "$(cut -d' ' -f1 /proc/loadavg)" >>"$work/lines" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))['steps'][0]['models'][0]
print(f"{sys.argv[3]} {sys.argv[4]} requests={m['requests']['succeeded']} rate={m['requestThroughput']}"
      f" cpu_us={sys.argv[2]} reads=nan ttft_p50={m['ttft']['p50']} ttft_p99={m['ttft']['p99']}"
      f" e2e_p50={m['e2e']['p50']} e2e_p99={m['e2e']['p99']} errors={m['requests']['failed']} load={sys.argv[5]}")
PY
}

# wrk_run TARGET CONNECTIONS ROUND: wrk with --latency; appends its rate, CPU per request and E2E percentiles.
wrk_run() {
  log "$1 round $3: wrk ($2 connections, ${duration}s)"
  /usr/bin/time -f "%U %S" -o "$work/wrk.time" timeout $((duration + 30)) wrk -t2 -c"$2" -d"${duration}s" --latency \
    -s "$work/stream.lua" "$fast_url/v1/chat/completions" >"$work/wrk.txt" 2>&1 || true
  python3 - "$work/wrk.txt" "$work/wrk.time" "$1" "$(cut -d' ' -f1 /proc/loadavg)" >>"$work/lines" <<'PY'
import re, sys
text, (user, system) = open(sys.argv[1]).read(), map(float, open(sys.argv[2]).read().split()[-2:])
unit = {'us': 1e-3, 'ms': 1.0, 's': 1e3, 'm': 6e4}
def pct(p):
    m = re.search(rf'^\s+{p}%\s+([\d.]+)(us|ms|s|m)\s*$', text, re.M)
    return float(m.group(1)) * unit[m.group(2)] if m else float('nan')
requests = int(re.search(r'(\d+) requests in', text).group(1))
rate = float(re.search(r'^Requests/sec:\s+([\d.]+)', text, re.M).group(1))
errors = sum(int(x) for x in re.findall(r'(?:connect|read|write|timeout) (\d+)', text))
print(f"{sys.argv[3]} wrk requests={requests} rate={rate} cpu_us={(user + system) * 1e6 / max(requests, 1):.1f}"
      f" reads=nan ttft_p50=nan ttft_p99=nan e2e_p50={pct(50):.3f} e2e_p99={pct(99):.3f} errors={errors}"
      f" load={sys.argv[4]}")
PY
}

: >"$work/lines"
read -r -a model_list <<<"$models"
for target in $targets; do
  case "$target" in
    throughput) connections=64 server=(--tokens 20) ;;
    accuracy) connections=256 server=(--tokens 20 --ttft-ms 50 --itl-ms 10) ;;
    *) log "unknown target $target"; exit 2 ;;
  esac
  start_fast_server "${server[@]}"
  for round in $(seq 1 "$rounds"); do
    [ "$busy" = 1 ] && [ "$target" = accuracy ] && start_busy
    wrk_run "$target" "$connections" "$round"
    n=${#model_list[@]}
    for i in $(seq 0 $((n - 1))); do # the order rotates between rounds
      floor "$target" "$connections" "$round" "${model_list[$(((i + round - 1) % n))]}"
    done
    stop_busy
  done
  stop_fast_server
done

python3 - "$work/lines" "$duration" "$warmup" "$busy" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]).read().splitlines():
    target, model, *pairs = line.split()
    rows.setdefault(target, {}).setdefault(model, []).append(dict(p.split('=') for p in pairs))
def med(runs, key):
    return statistics.median(float(r[key]) for r in runs)
def loads(runs):
    values = sorted(float(r['load']) for r in runs)
    return f"{values[0]:.1f}" if len(values) == 1 else f"{values[0]:.1f}-{values[-1]:.1f}"
if 'throughput' in rows:
    t = rows['throughput']
    wrk_rate, wrk_cpu = med(t['wrk'], 'rate'), med(t['wrk'], 'cpu_us')
    print(f"floor, throughput: 64 connections, zero-delay node target, 20 tokens, {sys.argv[2]} s"
          f" (after {sys.argv[3]} s of warm-up for Java), median of {len(t['wrk'])} round(s)")
    print(f"  {'model':<10} {'req/s':>8} {'x wrk':>6} {'CPU µs/req':>11} {'reads/req':>9} {'errors':>6}  load average")
    for model, runs in t.items():
        rate = med(runs, 'rate')
        print(f"  {model:<10} {rate:8.0f} {rate / wrk_rate:6.2f} {med(runs, 'cpu_us'):11.1f}"
              f" {med(runs, 'reads'):9.2f} {med(runs, 'errors'):6.0f}  {loads(runs)}")
if 'accuracy' in rows:
    a = rows['accuracy']
    ttft, e2e = 50.0, 50.0 + 19 * 10.0
    busy = ', other core busy' if sys.argv[4] == '1' else ''
    print(f"floor, accuracy: 256 connections, node target at 50 ms to the first token then 10 ms per token, 20 tokens"
          f"{busy}; error = observed - injected (ms), median of {len(a['wrk'])} round(s)")
    w50, w99 = med(a['wrk'], 'e2e_p50') - e2e, med(a['wrk'], 'e2e_p99') - e2e
    print(f"  {'model':<10} {'TTFT p50':>9} {'TTFT p99':>9} {'E2E p50':>8} {'E2E p99':>8} {'vs wrk p50':>10}"
          f" {'vs wrk p99':>10} {'req/s':>6} {'CPU µs/req':>11} {'errors':>6}  load average")
    for model, runs in a.items():
        e50, e99 = med(runs, 'e2e_p50') - e2e, med(runs, 'e2e_p99') - e2e
        t50, t99 = med(runs, 'ttft_p50') - ttft, med(runs, 'ttft_p99') - ttft
        print(f"  {model:<10} {t50:+9.1f} {t99:+9.1f} {e50:+8.1f} {e99:+8.1f} {e50 - w50:+10.1f} {e99 - w99:+10.1f}"
              f" {med(runs, 'rate'):6.0f} {med(runs, 'cpu_us'):11.1f} {med(runs, 'errors'):6.0f}  {loads(runs)}")
PY
