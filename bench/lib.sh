# Shared by the bench/ scripts (sourced, not run): build once, find the JDK, start and stop the loopback server.
# Everything runs on 127.0.0.1; every wait is bounded.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/yardstick-bench.XXXXXX")"
server_pid=""

cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
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
  local out="$work/server.out" i
  : >"$out" # a server started before left its line here: wait for this one's
  "$(java_bin)" -cp "$root/target/yardstick.jar:$root/target/test-classes" \
    dev.yardstick.testing.LoopbackLlmServer --port 0 "$@" >"$out" 2>"$work/server.err" &
  server_pid=$!
  for i in $(seq 1 100); do
    if grep -q '^listening ' "$out" 2>/dev/null; then
      base_url="$(sed -n 's/^listening //p' "$out")"
      log "loopback server at $base_url ($*)"
      return
    fi
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err" >&2; exit 3; }
    sleep 0.1
  done
  log "the loopback server did not start within 10 s"; exit 3
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# run_yardstick SECONDS ARGS...: ./yardstick, killed after SECONDS; the key is a dummy (the loopback checks none).
run_yardstick() {
  local limit="$1"
  shift
  OPENAI_API_KEY=sk-loopback timeout "$limit" "$root/yardstick" "$@"
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
