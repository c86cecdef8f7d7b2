#!/usr/bin/env bash
# Start-up and memory of a command-line run, as a user types it: `./yardstick` (launcher included), each figure the
# median of --runs fresh processes, beside its goal.
#   --version                                   goal: at most 0.2 s
#   a one-prompt compare against an OpenAI-compatible loopback server answering at once (20 streamed tokens)
#                                               goal: at most 0.5 s of wall time, peak RSS at most 80 MB
#   an eval: 20 prompts x 2 models, 4 in flight, against a server taking 240 ms a request (50 ms to the first token,
#   then 10 ms a token); its network floor is 20 x 2 x 0.24 s / 4 = 2.4 s   goal: at most 0.7 s over the floor
# compare and eval run with every start-up cache setting of the launcher (YARDSTICK_STARTUP_CACHE: off, cds, aot),
# so the table shows what each step buys; the launcher's default is the last row. Caches are recorded before timing.
#
#   bench/startup.sh [--runs 7] [--eval-runs 3] [--caches "off cds aot"]
set -euo pipefail
runs=7 eval_runs=3 caches="off cds aot"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --eval-runs) eval_runs="$2"; shift 2 ;;
    --caches) caches="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--eval-runs N] [--caches \"off cds aot\"]" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"
build
load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

# 20 prompts for the eval, each a different question
{
  echo "name: startup-eval"
  echo "prompts:"
  for i in $(seq 1 20); do
    printf '  - id: q%02d\n    prompt: "Question %d: name one prime number above %d."\n' "$i" "$i" "$((i * 10))"
  done
} >"$work/eval.yaml"

# measure LABEL RUNS ENV -- COMMAND...: runs COMMAND RUNS times in a fresh process each (after one unmeasured run,
# which also records the start-up cache when it is missing); appends "LABEL median_s peak_rss_mb" to $work/figures.
measure() {
  local label="$1" n="$2" cache="$3"
  shift 4
  YARDSTICK_STARTUP_CACHE="$cache" timeout 300 "$@" >/dev/null 2>"$work/last.err" \
    || { log "$label failed: $(head -c 300 "$work/last.err")"; exit 3; }
  python3 - "$label" "$n" "$cache" "$@" >>"$work/figures" <<'PY'
import os, statistics, subprocess, sys, time
label, n, cache, command = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
env = dict(os.environ, YARDSTICK_STARTUP_CACHE=cache)
walls, peaks, cpus = [], [], []
for _ in range(n):
    start = time.monotonic()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)  # the launcher execs java: this is the JVM's own peak RSS (kB)
    walls.append(time.monotonic() - start)
    peaks.append(usage.ru_maxrss)
    cpus.append(usage.ru_utime + usage.ru_stime)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{label}: exit {os.waitstatus_to_exitcode(status)}")
print(label, cache, f"{statistics.median(walls):.3f}", f"{min(walls):.3f}", f"{max(walls):.3f}",
      f"{statistics.median(peaks) / 1024:.0f}", f"{statistics.median(cpus):.2f}")
PY
}

: >"$work/figures"
# the launcher maps no start-up cache for --version alone (it would cost more than it saves), whatever the setting
log "--version"
measure version "$runs" off -- "$root/yardstick" --version

start_server --ttft 0ms --itl 0ms --tokens 20
for cache in $caches; do
  log "one-prompt compare, start-up cache: $cache"
  measure compare "$runs" "$cache" -- "$root/yardstick" compare -m openai/bench-model --base-url "$base_url/v1" \
    -p "Name one prime number." --no-cache
done
stop_server

start_server --ttft 50ms --itl 10ms --tokens 20
for cache in $caches; do
  log "eval 20 x 2 at 240 ms, 4 in flight, start-up cache: $cache"
  measure eval "$eval_runs" "$cache" -- "$root/yardstick" compare -m openai/bench-a -m openai/bench-b \
    --base-url "$base_url/v1" --prompts "$work/eval.yaml" --concurrency 4 --no-cache
done
stop_server
load_after="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

python3 - "$work/figures" "$runs" "$eval_runs" "$load_before" "$load_after" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1])]
runs, eval_runs, before, after = sys.argv[2:]
goals = {"version": ("--version", 0.2, None), "compare": ("one-prompt compare, 0 ms server", 0.5, 80),
         "eval": ("eval 20 x 2, 240 ms, 4 in flight", 2.4 + 0.7, None)}
print(f"start-up, median of {runs} runs ({eval_runs} for the eval); load average {before} before, {after} after")
print(f"{'what':36} {'cache':6} {'median s':>9} {'min-max s':>12} {'CPU s':>6} {'peak RSS MB':>12}   goal")
for label, cache, median, low, high, rss, cpu in rows:
    name, wall_goal, rss_goal = goals[label]
    goal = f"<= {wall_goal:.1f} s" + (f" (floor 2.4 s + 0.7; {float(median) - 2.4:+.2f} s over the floor)"
                                      if label == "eval" else "")
    if rss_goal:
        goal += f", <= {rss_goal} MB"
    met = float(median) <= wall_goal and (rss_goal is None or float(rss) <= rss_goal)
    print(f"{name:36} {cache:6} {median:>9} {low + '-' + high:>12} {cpu:>6} {rss:>12}   {goal}: {'met' if met else 'NOT met'}")
PY
