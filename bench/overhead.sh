#!/usr/bin/env bash
# Driver throughput: the request rate Yardstick sustains against a zero-delay OpenAI-compatible streaming target
# (20 tokens per answer), beside wrk on the same target at the same concurrency for the same time. Yardstick parses
# every SSE chunk, checks the completion rule and records every metric; wrk only reads the bytes. The target is
# bench/fast-server.js (one Node process), fast enough that wrk is not held back by it: wrk's figure comes first so a
# slow target shows. Prints both rates, the ratio and each client's CPU µs per request (Yardstick's over its
# measurement window, start-up and warm-up excluded). --java-target adds a second line against the Java loopback
# server of the test sources, the target of the figures before 2026-11-28.
#
#   bench/overhead.sh [--concurrency 64] [--duration 15s] [--tokens 20] [--java-target]
set -euo pipefail
concurrency=64 duration=15s tokens=20 java_target=0
while [ $# -gt 0 ]; do
  case "$1" in
    --concurrency) concurrency="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --tokens) tokens="$2"; shift 2 ;;
    --java-target) java_target=1; shift ;;
    *) echo "usage: $0 [--concurrency N] [--duration 15s] [--tokens N] [--java-target]" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"

need_wrk
build

wrk_stream_script "$work/stream.lua"

# measure NAME URL: wrk, then Yardstick, on one target; appends a line to $work/lines.
# CPU seconds (user + system) a process has used so far, from /proc.
process_cpu() {
  awk -v tick="$(getconf CLK_TCK)" '{printf "%.3f", ($14 + $15) / tick}' "/proc/$1/stat"
}

measure() {
  local name="$1" url="$2" target_pid="$3"
  log "$name: wrk, $concurrency connections, $duration"
  local target_before target_after
  target_before="$(process_cpu "$target_pid")"
  /usr/bin/time -f "%U %S" -o "$work/wrk.time" timeout 120 \
    wrk -t2 -c"$concurrency" -d"$duration" -s "$work/stream.lua" "$url/v1/chat/completions" | tee "$work/wrk.txt" >&2
  target_after="$(process_cpu "$target_pid")"
  local wrk_rate wrk_cpu target_cpu
  wrk_rate="$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.txt")"
  wrk_cpu="$(wrk_cpu_per_request "$work/wrk.time" "$work/wrk.txt")"
  # The target's own CPU per answer at wrk's rate: what it leaves a client on this machine's cores.
  target_cpu="$(python3 -c "import re,sys; n=int(re.search(r'(\d+) requests in', open(sys.argv[1]).read()).group(1)); print(f'{($target_after - $target_before) * 1e6 / max(n, 1):.1f}')" "$work/wrk.txt")"
  log "$name: yardstick, $concurrency in flight, $duration (after a 3s warm-up)"
  OPENAI_API_KEY=sk-loopback CPU_SAMPLER_TARGET="$target_pid" with_cpu "$work/cpu.txt" timeout 180 "$root/yardstick" benchmark \
    -m openai/loopback-model --base-url "$url/v1" --concurrency "$concurrency" --duration "$duration" --warmup 3s \
    --input-tokens 12 --format json -o "$work/ys.json" >/dev/null
  local ys_rate ys_failed ys_cpu
  ys_rate="$(json_figure "$work/ys.json" '.steps[0].models[0].requestThroughput')"
  ys_failed="$(json_figure "$work/ys.json" '.steps[0].models[0].requests.failed')"
  ys_cpu="$(cpu_in_window "$work/cpu.txt" "$work/ys.json")"
  # Which threads were busy, in % of a core over the window (the target's too): is anyone short of a core?
  python3 "$root/bench/cpu_sampler.py" --threads "$work/cpu.txt" "$work/ys.json" >"$work/threads-$name.txt"
  echo "$name $wrk_rate $wrk_cpu $ys_rate $ys_cpu $ys_failed $target_cpu" >>"$work/lines"
}

start_fast_server --tokens "$tokens"
measure node "$fast_url" "$fast_pid"
stop_fast_server
if [ "$java_target" = 1 ]; then
  start_server --ttft 0ms --itl 0ms --tokens "$tokens"
  measure java "$base_url" "$server_pid"
  stop_server
fi

python3 - "$work/lines" "$concurrency" "$duration" "$tokens" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)" "$work" <<'PY'
import sys
lines, c, d, t, load = open(sys.argv[1]).read().split('\n'), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
cores, work = int(sys.argv[6]), sys.argv[7]
print(f"driver throughput, {c} in flight, {d}, {t} streamed tokens per answer, zero server delay (load average {load})")
for line in filter(None, lines):
    name, wrk, wrk_cpu, ys, ys_cpu, failed, target_cpu = line.split()
    target = "node target (bench/fast-server.js)" if name == "node" else "java target (LoopbackLlmServer)"
    print(f"  {target}")
    print(f"    wrk        {float(wrk):10.0f} req/s   {float(wrk_cpu):6.1f} µs CPU per request")
    print(f"    yardstick  {float(ys):10.0f} req/s   {float(ys_cpu):6.1f} µs CPU per request  ({failed} failed)")
    print(f"    ratio      {float(ys) / float(wrk):10.2f}         (goals: ratio at least 0.8, at most 50 µs per request;"
          f" wrk at least 20,000 req/s on the node target)")
    # At 0.8x wrk's rate the target takes 0.8 * rate * its CPU per answer; the client has the rest of the cores.
    goal_rate = 0.8 * float(wrk)
    budget = (cores - goal_rate * float(target_cpu) / 1e6) * 1e6 / goal_rate
    print(f"    target     {float(target_cpu):10.1f} µs CPU per answer at wrk's rate: at 0.8x wrk it leaves the"
          f" client {budget:.1f} µs per request on {cores} cores")
    print(f"    busy       during Yardstick's window, % of a core: {open(f'{work}/threads-{name}.txt').read().strip()}")
PY
