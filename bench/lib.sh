# Shared by the bench/ scripts (sourced, not run): build once, find the JDK, start and stop the loopback server.
# Everything runs on 127.0.0.1; every wait is bounded.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/yardstick-bench.XXXXXX")"
server_pid=""

# Ends a background process this script started, if any (no PID: nothing to do).
end_background() {
  [ -n "${1:-}" ] || return 0
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

cleanup() {
  end_background "$server_pid"
  rm -rf "$work"
}
trap cleanup EXIT

log() { echo "bench: $*" >&2; }

# The jar (with every dependency) and the test classes, where the loopback server lives.
build() {
  log "building the jar and the test classes (mvn package -DskipTests)..."
  (cd "$root" && mvn -q -B ${MAVEN_ARGS:-} -DskipTests package >&2)
}

# The JDK 21+ the launcher chose (one finder for the project: see ../yardstick).
java_bin() {
  YARDSTICK_PRINT_JAVA=1 "$root/yardstick" || exit 2
}

# Starts LoopbackLlmServer (test sources) with the given behaviour flags; sets $base_url.
start_server() {
  : >"$work/server.out" # a server started before left its line here: wait for this one's
  "$(java_bin)" -cp "$root/target/yardstick.jar:$root/target/test-classes" \
    dev.yardstick.testing.LoopbackLlmServer --port 0 "$@" >"$work/server.out" 2>"$work/server.err" &
  server_pid=$!
  base_url="$(await_listening "$work/server" "$server_pid" 100)" || { log "the loopback server did not start"; exit 3; }
  log "loopback server at $base_url ($*)"
}

# await_listening PREFIX PID TENTHS: the URL a server prints as "listening URL" on PREFIX.out, waiting at most
# TENTHS tenths of a second; fails (showing PREFIX.err) when the server dies or stays silent.
await_listening() {
  local i
  for i in $(seq 1 "$3"); do
    if grep -q '^listening ' "$1.out" 2>/dev/null; then
      sed -n 's/^listening //p' "$1.out"
      return 0
    fi
    kill -0 "$2" 2>/dev/null || { cat "$1.err" >&2; return 1; }
    sleep 0.1
  done
  return 1
}

stop_server() {
  end_background "$server_pid"
  server_pid=""
}

# run_yardstick SECONDS ARGS...: ./yardstick, killed after SECONDS; the key is a dummy (the loopback checks none).
run_yardstick() {
  local limit="$1"
  shift
  OPENAI_API_KEY=sk-loopback timeout "$limit" "$root/yardstick" "$@"
}

# need_wrk: installs wrk with apt-get where it is missing.
need_wrk() {
  if ! command -v wrk >/dev/null 2>&1; then
    log "wrk is missing: installing it with apt-get"
    apt-get update -qq >&2 && apt-get install -y -qq wrk >&2
  fi
}

# wrk_stream_script FILE: a wrk script that sends the streamed chat completion a benchmark sends (12 prompt words).
wrk_stream_script() {
  cat >"$1" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sk-loopback"
wrk.body = '{"model":"loopback-model","stream":true,"stream_options":{"include_usage":true},'
  .. '"messages":[{"role":"user","content":"one two three four five six seven eight nine ten eleven twelve"}]}'
LUA
}

# A figure from a JSON report: json_figure FILE '.steps[0].models[0].ttft.p50' (python3, no jq needed).
json_figure() {
  python3 - "$1" "$2" <<'PY'
import json, sys
value = json.load(open(sys.argv[1]))
for part in sys.argv[2].strip('.').replace(']', '').split('.'):
    name, _, index = part.partition('[')
    value = value[name] if name else value
    if index:
        value = value[int(index)]
print(value)
PY
}

# Starts bench/fast-server.js (Node, no dependencies) with the given flags; sets $fast_url. Bounded like the others.
fast_pid=""
start_fast_server() {
  command -v node >/dev/null 2>&1 || { log "node is missing (apt-get install nodejs)"; exit 3; }
  : >"$work/fast.out"
  node "$root/bench/fast-server.js" "$@" >"$work/fast.out" 2>"$work/fast.err" &
  fast_pid=$!
  fast_url="$(await_listening "$work/fast" "$fast_pid" 50)" || { log "the node target did not start"; exit 3; }
  log "node target at $fast_url ($*)"
}

stop_fast_server() {
  end_background "$fast_pid"
  fast_pid=""
}

# A CPU hog on the machine's other core (--busy): one busy-looping shell, ended by stop_busy or at exit.
busy_pid=""
start_busy() {
  ( trap 'exit 0' TERM; while :; do :; done ) &
  busy_pid=$!
  log "busy loop on another core (pid $busy_pid)"
}

# A share of one core kept busy in 10 ms periods (accuracy.sh --wrk-beside): a client's CPU beside the target,
# without the client. Ended by stop_duty or at exit.
duty_pid=""
start_duty() {
  python3 -c '
import sys, time
share, period = float(sys.argv[1]) / 100, 0.010
while True:
    start = time.perf_counter()
    while time.perf_counter() < start + share * period:
        pass
    time.sleep(max(0.0, start + period - time.perf_counter()))
' "$1" &
  duty_pid=$!
}

stop_duty() {
  end_background "$duty_pid"
  duty_pid=""
}

stop_busy() {
  end_background "$busy_pid"
  busy_pid=""
}

trap 'stop_busy; stop_duty; stop_fast_server; cleanup' EXIT

# with_cpu SAMPLES CMD...: runs CMD, writing "epoch-µs cpu-µs" of its process tree every 100 ms to SAMPLES, so the
# CPU spent inside a report's measurement window can be told from start-up and warm-up (cpu_in_window).
with_cpu() {
  python3 "$root/bench/cpu_sampler.py" "$@"
}

# cpu_in_window SAMPLES REPORT.json: CPU µs per request of the sampled process over the report's measurement window.
cpu_in_window() {
  python3 "$root/bench/cpu_sampler.py" --window "$1" "$2"
}

# wrk_cpu_per_request TIMEFILE WRKOUT: wrk's CPU µs per completed request (GNU time's user+sys over its requests).
wrk_cpu_per_request() {
  python3 - "$1" "$2" <<'PY'
import re, sys
user, system = (float(x) for x in open(sys.argv[1]).read().split()[-2:])
requests = int(re.search(r'(\d+) requests in', open(sys.argv[2]).read()).group(1))
print(f"{(user + system) * 1e6 / max(requests, 1):.1f}")
PY
}
