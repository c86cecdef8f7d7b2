#!/usr/bin/env bash
# What each dependency adds to the shaded jar, and which of its classes a representative set of commands loads.
# Every entry of target/yardstick.jar is attributed to the dependency it came from (the first on the class path that
# holds it, as the shade plugin keeps the first); the table gives, per dependency, its entries and bytes in the jar
# (compressed, as shipped; native libraries and models apart) and the classes loaded from it while the commands
# below ran in fresh JVMs from the thin class path (target/classes + each dependency's own jar, so the JVM's
# class-load log names the dependency). A dependency no command loads a class from is a candidate to leave out; the
# test suite decides (reflection and ServiceLoader load classes no command line here reaches).
#
#
# --fastutil-list rewrites src/build/fastutil-classes.properties instead: the fastutil classes the shaded jar keeps,
# those the other dependencies' classes can reach (a closure over every class file's constant pool: class references,
# descriptors and signatures), each with its inner classes. Run it after upgrading tablesaw or fastutil; ShadedJarIT
# (mvn verify) fails while the list misses a class the jar refers to.
#
#   bench/jar-size.sh [--no-runs]     (--no-runs: sizes only, no command runs)
#   bench/jar-size.sh --fastutil-list
set -euo pipefail
runs=1
fastutil_list=0
while [ $# -gt 0 ]; do
  case "$1" in
    --no-runs) runs=0; shift ;;
    --fastutil-list) fastutil_list=1; shift ;;
    *) echo "usage: $0 [--no-runs | --fastutil-list]" >&2; exit 2 ;;
  esac
done
source "$(dirname "$0")/lib.sh"
classpath() {
  (cd "$root" && mvn -q -B ${MAVEN_ARGS:-} dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$work/classpath.txt" >&2)
}

if [ "$fastutil_list" -eq 1 ]; then
  (cd "$root" && mvn -q -B ${MAVEN_ARGS:-} compile >&2)
  classpath
  mkdir -p "$root/src/build"
  python3 "$(dirname "$0")/fastutil-closure.py" "$root/target/classes" "$work/classpath.txt" \
    "$root/src/build/fastutil-classes.properties"
  exit 0
fi

build
classpath

mkdir -p "$work/loads"
if [ "$runs" -eq 1 ]; then
  java="$(java_bin)"
  cp="$root/target/classes:$(cat "$work/classpath.txt")"
  # One line per command: what a user runs most, each kind of model, every report format.
  commands=(
    "--version"
    "--help"
    "models"
    "compare -m mock/instant -m mock/fast -p hello --no-cache --format json"
    "compare -m local/stories260k -p Once --max-tokens 8 --no-cache --format markdown"
    "compare -m mock/instant --prompts $root/prompts/stories.yaml --no-cache --format junit"
    "benchmark -m mock/instant --requests 200 --format csv"
    "pricing list"
  )
  start_server --ttft 0ms --itl 0ms --tokens 20
  commands+=("compare -m openai/loopback-model --base-url $base_url/v1 -p hello --no-cache"
             "benchmark -m openai/loopback-model --base-url $base_url/v1 --requests 50 --format json")
  i=0
  for command in "${commands[@]}"; do
    i=$((i + 1))
    read -r -a argv <<<"$command"
    log "class loads: yardstick $command"
    timeout 120 "$java" -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED \
      -Xlog:class+load=info:file="$work/loads/$i.log" -cp "$cp" dev.yardstick.cli.Main "${argv[@]}" \
      </dev/null >/dev/null 2>"$work/loads/$i.err" || log "  (exit $?: $(head -c 200 "$work/loads/$i.err"))"
  done
fi

python3 - "$root/target/yardstick.jar" "$work/classpath.txt" "$work/loads" <<'PY'
import os, re, sys, zipfile
shaded, classpath_file, loads_dir = sys.argv[1], sys.argv[2], sys.argv[3]
deps = [p for p in open(classpath_file).read().strip().split(os.pathsep) if p.endswith(".jar")]

def name_of(path):  # ~/.m2/repository/group/path/artifact/version/artifact-version.jar -> artifact:version
    parts = path.split(os.sep)
    return f"{parts[-3]}:{parts[-2]}"

owner = {}
for dep in deps:
    with zipfile.ZipFile(dep) as z:
        for entry in z.namelist():
            owner.setdefault(entry, name_of(dep))

native = re.compile(r"\.(so|dylib|dll|jnilib|onnx|pdb)$|\.dSYM/")
rows = {}
unattributed = 0
with zipfile.ZipFile(shaded) as z:
    for info in z.infolist():
        dep = owner.get(info.filename, "(yardstick)" if info.filename.startswith(("dev/yardstick/", "prompts/"))
                        else None)
        if dep is None:
            dep = "(merged or generated)"
        row = rows.setdefault(dep, [0, 0, 0, 0])
        row[0] += 1
        row[1] += info.compress_size
        if native.search(info.filename):
            row[2] += info.compress_size
loaded = {}
for log in sorted(os.listdir(loads_dir)):
    for line in open(os.path.join(loads_dir, log)):
        m = re.search(r"\] (\S+) source: (?:file:|jar:file:)?(\S+)", line)
        if not m:
            continue
        source = m.group(2)
        dep = "(yardstick)" if "/target/classes" in source else (name_of(source) if source.endswith(".jar") else None)
        if dep:
            loaded.setdefault(dep, set()).add(m.group(1))
total = sum(r[1] for r in rows.values())
print(f"{'dependency':55} {'entries':>8} {'MB in jar':>10} {'of it native':>13} {'classes loaded':>15}")
for dep, (entries, size, nat, _) in sorted(rows.items(), key=lambda kv: -kv[1][1]):
    n = len(loaded.get(dep, ()))
    shown = str(n) if os.listdir(loads_dir) else "-"
    print(f"{dep:55} {entries:8d} {size / 1e6:10.2f} {nat / 1e6:13.2f} {shown:>15}")
print(f"{'total':55} {sum(r[0] for r in rows.values()):8d} {total / 1e6:10.2f}")
print(f"shaded jar: {os.path.getsize(shaded) / 1e6:.1f} MB ({os.path.getsize(shaded)} bytes)")
PY
