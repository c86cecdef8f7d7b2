#!/usr/bin/env bash
# Test strength: mutation testing with PIT over the packages the numbers depend on. PIT changes one thing in the
# compiled code at a time (a `>=` into `>`, a return value into null, a call removed...) and runs the tests that
# cover it; a mutant the suite does not notice "survived". Prints, per package, the mutants killed out of those
# generated and the kill rate, and the survivors' places with --survivors.
#
#   bench/mutation.sh [--packages "stats cost engine switching provider.http"] [--survivors]
#
# HTML reports: target/pit-reports/<package>/index.html. Takes minutes per package on 2 cores; to go faster, narrow
# the tests PIT runs: MAVEN_ARGS='-Dmutation.tests=dev.yardstick.provider.*,dev.yardstick.faults.*' (default: all).
# On a shared machine, add -Dmutation.threads=1 (default 2) to keep PIT to one core.
set -euo pipefail
packages="stats cost engine switching provider.http" survivors=""
while [ $# -gt 0 ]; do
  case "$1" in
    --packages) packages="$2"; shift 2 ;;
    --survivors) survivors=1; shift ;;
    *) echo "usage: $0 [--packages \"stats engine\"] [--survivors]" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"

# PIT starts its test JVMs with the java Maven runs on, which must read the classes built for 21+.
java="$(java_bin)"
export JAVA_HOME="${java%/bin/java}"
log "JDK for Maven and PIT: $JAVA_HOME"
(cd "$root" && mvn -q -B ${MAVEN_ARGS:-} test-compile >&2)

printf '%-16s %8s %8s %10s %9s\n' package mutants killed survived "kill rate"
total=0 total_killed=0
for pkg in $packages; do
  out="$root/target/pit-reports/$pkg"
  rm -rf "$out"
  if ! (cd "$root" && mvn -q -B ${MAVEN_ARGS:-} -Pmutation -Dmutation.targets="dev.yardstick.$pkg.*" \
        -DreportsDirectory="$out" org.pitest:pitest-maven:mutationCoverage >"$work/pit-$pkg.log" 2>&1); then
    tail -n 30 "$work/pit-$pkg.log" >&2
    log "PIT failed on $pkg"
    exit 3
  fi
  xml="$out/mutations.xml"
  # Killed: a test failed, timed out or ran out of memory under the mutant. Survived: no test noticed it, or no test
  # ran the mutated line at all (NO_COVERAGE).
  read -r n killed < <(python3 - "$xml" <<'PY'
import sys, xml.etree.ElementTree as ET
ms = ET.parse(sys.argv[1]).getroot().findall('mutation')
killed = sum(1 for m in ms if m.get('status') in ('KILLED', 'TIMED_OUT', 'MEMORY_ERROR', 'RUN_ERROR'))
print(len(ms), killed)
PY
)
  total=$((total + n)) total_killed=$((total_killed + killed))
  printf '%-16s %8d %8d %10d %8.1f%%\n' "$pkg" "$n" "$killed" "$((n - killed))" \
    "$(python3 -c "print(100 * $killed / max(1, $n))")"
  if [ -n "$survivors" ]; then
    python3 - "$xml" <<'PY'
import sys, xml.etree.ElementTree as ET
for m in ET.parse(sys.argv[1]).getroot().findall('mutation'):
    if m.get('status') in ('SURVIVED', 'NO_COVERAGE'):
        print('   ', m.get('status'), m.findtext('mutatedClass') + ':' + m.findtext('lineNumber'),
              m.findtext('mutatedMethod'), '-', m.findtext('description'))
PY
  fi
done
printf '%-16s %8d %8d %10d %8.1f%%\n' all "$total" "$total_killed" "$((total - total_killed))" \
  "$(python3 -c "print(100 * $total_killed / max(1, $total))")"
