#!/usr/bin/env bash
# Gate calibration: do regression gates cry wolf, and do they catch a real change? Against a loopback
# OpenAI-compatible server (20 ms to the first token, 4 ms between 6 tokens), PAIRS pairs of runs of the same setup
# are diffed with `report diff --max-regression 10%` (every exit 1 is a false regression), then each first run
# against a run of a server whose delays are 20% longer (24 ms, 4.8 ms: every exit 1 is a catch). Each run sends
# REQUESTS measured requests after a 20-request warm-up. Prints both counts, and for contrast how many pairs the
# allowance alone (a gated figure worse by more than 10%, noise or not) would have failed.
#
#   bench/gate-calibration.sh [--pairs 20] [--requests 200] [--concurrency 4] [--max-regression 10%]
set -euo pipefail
pairs=20 requests=200 concurrency=4 allowance=10%
while [ $# -gt 0 ]; do
  case "$1" in
    --pairs) pairs="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --max-regression) allowance="$2"; shift 2 ;;
    *) echo "usage: $0 [--pairs N] [--requests N] [--concurrency N] [--max-regression 10%]" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"

run() { # run NAME: one benchmark of the server at $base_url into $work/NAME.json
  run_yardstick 300 benchmark -m openai/loopback-model --base-url "$base_url/v1" --concurrency "$concurrency" \
    --requests "$requests" --warmup 20 --input-tokens 12 --timeout 10s -o "$work/$1.json" >/dev/null \
    2>"$work/$1.err" || { log "run $1 failed:"; cat "$work/$1.err" >&2; exit 3; }
}

diff_pair() { # diff_pair BASE NEW: exit code of the gated diff (0 passed, 1 regressed), JSON kept beside
  local rc=0
  run_yardstick 120 report diff "$work/$1.json" "$work/$2.json" --max-regression "$allowance" --format json \
    >"$work/diff-$1-$2.json" 2>"$work/diff-$1-$2.err" || rc=$?
  if [ "$rc" -gt 1 ]; then
    log "report diff $1 $2 exited $rc:"; cat "$work/diff-$1-$2.err" >&2; exit 3
  fi
  echo "$rc"
}

build
start_server --ttft 20ms --itl 4ms --tokens 6
log "$pairs pairs of the same setup, $requests requests each at concurrency $concurrency"
for i in $(seq 1 "$pairs"); do
  run "a$i"
  run "b$i"
done
stop_server
start_server --ttft 24ms --itl 4.8ms --tokens 6
log "$pairs runs of the +20% server"
for i in $(seq 1 "$pairs"); do
  run "c$i"
done
stop_server

false_regressions=0 caught=0
for i in $(seq 1 "$pairs"); do
  [ "$(diff_pair "a$i" "b$i")" = 1 ] && false_regressions=$((false_regressions + 1))
  [ "$(diff_pair "a$i" "c$i")" = 1 ] && caught=$((caught + 1))
done

python3 - "$work" "$pairs" "$allowance" "$false_regressions" "$caught" "$requests" "$concurrency" <<'PY'
import json, sys
work, pairs, allowance = sys.argv[1], int(sys.argv[2]), sys.argv[3]
false_regressions, caught, requests, concurrency = (int(a) for a in sys.argv[4:8])
limit = float(allowance.rstrip('%'))

def rows(name):
    diff = json.load(open(f"{work}/diff-{name}.json"))
    return [r for c in diff["comparisons"] for r in c["rows"] if r["gatedFigure"]]

def worse_than_allowance(r):
    change = r["changePercent"]
    if not isinstance(change, (int, float)):
        return False
    worse = -change if r["unit"] in ("req/s", "tokens/s") else change
    return worse > limit and (r["unit"] != "ms" or abs(r["current"] - r["baseline"]) >= 0.1)

same = [rows(f"a{i}-b{i}") for i in range(1, pairs + 1)]
shifted = [rows(f"a{i}-c{i}") for i in range(1, pairs + 1)]
alone = sum(any(worse_than_allowance(r) for r in rs) for rs in same)
flagged = sorted({r["figure"] for rs in same for r in rs if r["verdict"] == "regressed"})
print(f"gate calibration: {pairs} pairs of runs, n={requests} each at concurrency {concurrency}")
print(f"  same setup:  {false_regressions} false regressions of {pairs} at --max-regression {allowance}"
      + (f" ({', '.join(flagged)})" if flagged else "")
      + f"; the allowance alone would have failed {alone}")
print(f"  +20% server: caught {caught} of {pairs}")
PY
