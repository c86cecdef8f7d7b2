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
# Each --options set (NAME=FLAGS, passed as YARDSTICK_JAVA_OPTS; a collector, heap or JIT option named there replaces
# the launcher's) runs too, with the last cache setting: "c2=-XX:+TieredCompilation" is the JVM's own JIT choice.
# Then --trace-runs more runs of each with YARDSTICK_STARTUP_TRACE=1 give the median time, CPU and RSS at each phase
# (dev.yardstick.cli.StartupTrace): where the start-up goes. They are not in the timed figures.
#
#   bench/startup.sh [--runs 7] [--eval-runs 3] [--trace-runs 3] [--caches "off cds aot"]
#                    [--options "c2=-XX:+TieredCompilation;g1=-XX:+UseG1GC"]
set -euo pipefail
runs=7 eval_runs=3 trace_runs=3 caches="off cds aot" options=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --eval-runs) eval_runs="$2"; shift 2 ;;
    --trace-runs) trace_runs="$2"; shift 2 ;;
    --caches) caches="$2"; shift 2 ;;
    --options) options="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--eval-runs N] [--trace-runs N] [--caches \"off cds aot\"] [--options \"NAME=FLAGS;...\"]" >&2
       exit 2 ;;
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

# The settings each command runs with: "NAME CACHE" lines, their JVM options in $work/opts.NAME.
last_cache="${caches##* }"
: >"$work/settings"
for cache in $caches; do
  echo "$cache $cache" >>"$work/settings"
  : >"$work/opts.$cache"
done
IFS=';' read -r -a sets <<<"${options}"
for set in ${sets[@]+"${sets[@]}"}; do
  [ -n "$set" ] || continue
  echo "${set%%=*} $last_cache" >>"$work/settings"
  printf '%s' "${set#*=}" >"$work/opts.${set%%=*}"
done

# measure LABEL RUNS SETTING CACHE -- COMMAND...: runs COMMAND RUNS times in a fresh process each (after one
# unmeasured run, which also records the start-up cache when it is missing), then $trace_runs traced runs; appends
# "LABEL SETTING median_s min_s max_s peak_rss_mb cpu_s" to $work/figures and each traced run's phase lines, prefixed
# "LABEL SETTING", to $work/traces.
measure() {
  local label="$1" n="$2" setting="$3" cache="$4"
  shift 5
  YARDSTICK_STARTUP_CACHE="$cache" YARDSTICK_JAVA_OPTS="$(cat "$work/opts.$setting")" timeout 300 "$@" \
    >/dev/null 2>"$work/last.err" || { log "$label failed: $(head -c 300 "$work/last.err")"; exit 3; }
  python3 - "$label" "$n" "$setting" "$cache" "$work/opts.$setting" "$trace_runs" "$work/traces" "$@" \
    >>"$work/figures" <<'PY'
import os, statistics, subprocess, sys, time
label, n, setting, cache, opts, traced, traces, command = (sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4],
                                                            sys.argv[5], int(sys.argv[6]), sys.argv[7], sys.argv[8:])
env = dict(os.environ, YARDSTICK_STARTUP_CACHE=cache, YARDSTICK_JAVA_OPTS=open(opts).read())
env.pop("YARDSTICK_STARTUP_TRACE", None)
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
print(label, setting, f"{statistics.median(walls):.3f}", f"{min(walls):.3f}", f"{max(walls):.3f}",
      f"{statistics.median(peaks) / 1024:.0f}", f"{statistics.median(cpus):.2f}")
with open(traces, "a") as out:
    for run in range(traced):
        done = subprocess.run(command, env=dict(env, YARDSTICK_STARTUP_TRACE="1"), stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        for line in done.stderr.splitlines():
            if line.startswith("yardstick trace: "):
                print(label, setting, run, line[len("yardstick trace: "):], file=out)
PY
}

: >"$work/figures"
: >"$work/traces"
# the launcher maps no start-up cache for --version alone (it would cost more than it saves), whatever the setting
log "--version"
: >"$work/opts.launcher"
measure version "$runs" launcher off -- "$root/yardstick" --version

start_server --ttft 0ms --itl 0ms --tokens 20
while read -r setting cache; do
  log "one-prompt compare, $setting"
  measure compare "$runs" "$setting" "$cache" -- "$root/yardstick" compare -m openai/bench-model \
    --base-url "$base_url/v1" -p "Name one prime number." --no-cache
done <"$work/settings"
stop_server

start_server --ttft 50ms --itl 10ms --tokens 20
while read -r setting cache; do
  log "eval 20 x 2 at 240 ms, 4 in flight, $setting"
  measure eval "$eval_runs" "$setting" "$cache" -- "$root/yardstick" compare -m openai/bench-a -m openai/bench-b \
    --base-url "$base_url/v1" --prompts "$work/eval.yaml" --concurrency 4 --no-cache
done <"$work/settings"
stop_server
load_after="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

python3 - "$work/figures" "$work/traces" "$runs" "$eval_runs" "$trace_runs" "$load_before" "$load_after" <<'PY'
import collections, statistics, sys
figures, traces, runs, eval_runs, trace_runs, before, after = sys.argv[1:]
rows = [line.split() for line in open(figures)]
goals = {"version": ("--version", 0.2, None), "compare": ("one-prompt compare, 0 ms server", 0.5, 80),
         "eval": ("eval 20 x 2, 240 ms, 4 in flight", 2.4 + 0.7, None)}
print(f"start-up, median of {runs} runs ({eval_runs} for the eval); load average {before} before, {after} after")
print(f"{'what':36} {'settings':9} {'median s':>9} {'min-max s':>12} {'CPU s':>6} {'peak RSS MB':>12}   goal")
for label, setting, median, low, high, rss, cpu in rows:
    name, wall_goal, rss_goal = goals[label]
    goal = f"<= {wall_goal:.1f} s" + (f" (floor 2.4 s + 0.7; {float(median) - 2.4:+.2f} s over the floor)"
                                      if label == "eval" else "")
    if rss_goal:
        goal += f", <= {rss_goal} MB"
    met = float(median) <= wall_goal and (rss_goal is None or float(rss) <= rss_goal)
    print(f"{name:36} {setting:9} {median:>9} {low + '-' + high:>12} {cpu:>6} {rss:>12}   {goal}: "
          f"{'met' if met else 'NOT met'}")

# phase lines: LABEL SETTING RUN WALL CPU RSS PHASE...; "-" where a figure is not known
phases = collections.defaultdict(lambda: collections.defaultdict(list))
order = collections.defaultdict(list)
for line in open(traces):
    label, setting, _run, wall, cpu, rss, *phase = line.split()
    key, phase = (label, setting), " ".join(phase)
    if phase not in order[key]:
        order[key].append(phase)
    phases[key][phase].append((float(wall), None if cpu == "-" else float(cpu), None if rss == "-" else int(rss)))
if not order:
    sys.exit(0)
print(f"\nwhere the time goes: median of {trace_runs} traced runs each (YARDSTICK_STARTUP_TRACE=1); seconds since "
      "the launcher started, the step since the phase before; CPU of the whole process")
def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None
for key in order:
    print(f"\n{key[0]} ({key[1]})")
    print(f"  {'phase':34} {'at s':>7} {'step s':>7} {'CPU s':>7} {'CPU step':>9} {'RSS MB':>7}")
    wall_before = cpu_before = 0.0
    for phase in order[key]:
        wall, cpu, rss = (med([p[i] for p in phases[key][phase]]) for i in range(3))
        cpu_text = "" if cpu is None else f"{cpu:7.3f} {cpu - cpu_before:9.3f}"
        print(f"  {phase:34} {wall:7.3f} {wall - wall_before:7.3f} {cpu_text:>17} "
              f"{'' if rss is None else f'{rss:7.0f}'}")
        wall_before = wall
        cpu_before = cpu if cpu is not None else cpu_before
PY
